package io.smsflows.sms.inbound;

import java.time.Instant;

/**
 * A stored inbound message (or one part of a concatenated one).
 *
 * @param kind   MESSAGE (complete, processed as a reply) or PART (waits for its siblings, then is assembled)
 * @param status NEW, PROCESSING, RETRY, WAITING (part waiting for the others), ASSEMBLED, DONE, DUPLICATE, UNDECODABLE
 * @param reason why it was not processed normally (undecodable, partial, duplicate of...), or null
 */
public record InboundMessage(String id, String from, String to, String text, int dataCoding, String kind,
                             String status, String reason, Integer concatRef, Integer concatTotal, Integer concatSeq,
                             Instant receivedAt, int attempts) {

    public static final String MESSAGE = "MESSAGE";
    public static final String PART = "PART";
}
