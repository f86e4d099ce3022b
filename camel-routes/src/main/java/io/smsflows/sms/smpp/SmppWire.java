package io.smsflows.sms.smpp;

import java.util.List;

/** Puts finished parts on the wire of their carriers, as many at once as the windows allow, and returns the answers. */
public interface SmppWire {

    /**
     * Submits every part on its carrier and waits for every answer (or its timeout).
     *
     * @return one result per part, in the order of {@code parts}
     */
    List<SubmitResult> submit(List<PartSubmission> parts);

    /** Whether a carrier can take parts now (a bind is bound); routing fails over from one that cannot. */
    default boolean isAvailable(String carrier) {
        return true;
    }

    /** Whether a carrier takes whole messages as text (HTTP providers) rather than encoded parts (SMPP). */
    default boolean takesWholeMessages(String carrier) {
        return false;
    }
}
