package io.smsflows.sms.smpp;

import java.util.List;

/** Puts finished parts on the wire, as many at once as the bind's window allows, and returns the SMSC's answers. */
public interface SmppWire {

    /**
     * Submits every part and waits for every answer (or its timeout).
     *
     * @return one result per part, in the order of {@code parts}
     */
    List<SubmitResult> submit(List<PartSubmission> parts);
}
