package io.smsflows.sms.smpp;

import io.smsflows.sms.codec.WirePart;

/** Puts one finished part on the wire and returns the SMSC's message id. */
public interface SmppWire {

    /**
     * @param sender    source address (alphanumeric, short code or number)
     * @param recipient E.164 recipient
     * @param part      finished part from the codec
     * @return the message id of submit_sm_resp, as the SMSC wrote it
     */
    String submit(String sender, String recipient, WirePart part) throws SubmitFailure;
}
