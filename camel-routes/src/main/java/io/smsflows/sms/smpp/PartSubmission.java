package io.smsflows.sms.smpp;

import io.smsflows.sms.codec.WirePart;

/**
 * One submit_sm to make: a finished part of a message.
 *
 * @param messageId our message id (for logs and results)
 * @param sender    source address (alphanumeric, short code or number)
 * @param recipient E.164 recipient
 * @param part      the part as the codec built it
 * @param carrier   the carrier routing chose for its message
 */
public record PartSubmission(String messageId, String sender, String recipient, WirePart part, String carrier) {
}
