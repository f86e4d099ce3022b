package io.smsflows.sms.outbox;

import java.time.Instant;

/** A row of sms_message; {@code carrier} and {@code routeRule} say who took it and by which rule (null before). */
public record SmsMessage(String id, String idempotencyKey, String processInstanceId, String businessKey,
                         String activityId, String deliveredMessage, String failedMessage, String recipient,
                         String sender, String body, String category, String encoding, Integer parts,
                         MessageStatus status, int attempts, Integer concatRef, String errorCode, String errorText,
                         Instant createdAt, Instant submittedAt, Instant doneAt, int notifyAttempts, String batchId,
                         String country, int possibleDuplicates, String carrier, String routeRule) {
}
