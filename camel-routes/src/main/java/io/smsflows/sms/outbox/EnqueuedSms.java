package io.smsflows.sms.outbox;

/**
 * What enqueuing gave: the message id and what it will cost on the wire.
 *
 * @param messageId  our id (sms_message.id)
 * @param recipient  E.164 recipient
 * @param parts      number of parts (submit_sm PDUs a handset sees)
 * @param encoding   GSM7 or UCS2
 * @param duplicate  true if the idempotency key was known and nothing new was queued
 */
public record EnqueuedSms(String messageId, String recipient, int parts, String encoding, boolean duplicate) {
}
