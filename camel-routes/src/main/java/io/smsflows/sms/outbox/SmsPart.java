package io.smsflows.sms.outbox;

import java.time.Instant;

/** A row of sms_part. */
public record SmsPart(String messageId, int partNo, String smscMessageId, PartStatus status, String errorCode,
                      Instant submittedAt, Instant doneAt) {
}
