package io.smsflows.sms.submit;

import java.util.Set;

/**
 * A message this node claimed for submission, with what the submitter needs to put it on the wire.
 *
 * @param sentParts  part numbers that already have an SMSC id (an earlier attempt); they are not sent again
 * @param recovered  a node's lease ran out while it held this message: parts without an id may be on the wire already
 * @param waited     a process waits for the outcome
 * @param country    ISO region of the recipient (prices the parts of batch messages)
 * @param carrier    the carrier an earlier attempt routed it to (its accepted parts are there), or null
 * @param errorCode  why its last attempt did not send it (DEFERRED, SENDER_RATE...), or null
 */
public record ClaimedSms(String id, String recipient, String sender, String body, String category,
                         boolean smartReplacement, Integer parts, Integer concatRef, int attempts, boolean recovered,
                         String batchId, boolean waited, Set<Integer> sentParts, String country, String carrier,
                         String errorCode) {

    /** No part of it reached the SMSC yet: it must pass the opt-out gate. */
    public boolean unadmitted() {
        return sentParts.isEmpty();
    }

    public ClaimedSms withConcatRef(int ref) {
        return new ClaimedSms(id, recipient, sender, body, category, smartReplacement, parts, ref, attempts, recovered,
                batchId, waited, sentParts, country, carrier, errorCode);
    }
}
