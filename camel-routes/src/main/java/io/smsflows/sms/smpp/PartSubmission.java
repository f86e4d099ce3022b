package io.smsflows.sms.smpp;

import io.smsflows.sms.codec.WirePart;

/**
 * One submission to make: a finished part of a message (SMPP), or a whole message for a provider that takes text
 * and splits it itself (HTTP).
 *
 * @param messageId    our message id (for logs and results)
 * @param sender       source address (alphanumeric, short code or number)
 * @param recipient    E.164 recipient
 * @param part         the part as the codec built it; null for a whole message
 * @param carrier      the carrier routing chose for its message
 * @param text         the whole message's text; null for a part
 * @param messageParts the parts the whole message makes (what its carrier's rate counts); 1 for a part
 */
public record PartSubmission(String messageId, String sender, String recipient, WirePart part, String carrier,
                             String text, int messageParts) {

    public PartSubmission(String messageId, String sender, String recipient, WirePart part, String carrier) {
        this(messageId, sender, recipient, part, carrier, null, 1);
    }

    /** A whole message for a provider that takes text. */
    public static PartSubmission wholeMessage(String messageId, String sender, String recipient, String text,
                                              int parts, String carrier) {
        return new PartSubmission(messageId, sender, recipient, null, carrier, text, parts);
    }

    public boolean isWholeMessage() {
        return part == null;
    }
}
