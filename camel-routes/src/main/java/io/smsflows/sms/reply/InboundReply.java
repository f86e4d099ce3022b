package io.smsflows.sms.reply;

import java.time.Instant;

/**
 * An inbound message ready for a process: what the customer wrote and what it means.
 *
 * @param id         sms_inbound id (business key of processes started for it)
 * @param from       customer number, E.164
 * @param to         our number or short code it was sent to
 * @param text       the text as received (assembled if it came in parts)
 * @param normalised {@link ReplyText#normalise} of the text
 * @param intent     CONFIRM, CANCEL, RESCHEDULE, CHOICE, STOP, START, HELP or UNKNOWN
 * @param choice     1-9 for CHOICE, else null
 * @param locale     language used to classify it
 * @param partial    true if parts of a concatenated message never arrived
 */
public record InboundReply(String id, String from, String to, String text, String normalised, String intent,
                           Integer choice, String locale, Instant receivedAt, boolean partial) {

    public InboundReply withIntent(ReplyIntent classified) {
        return new InboundReply(id, from, to, text, normalised, classified.intent(), classified.choice(), locale,
                receivedAt, partial);
    }
}
