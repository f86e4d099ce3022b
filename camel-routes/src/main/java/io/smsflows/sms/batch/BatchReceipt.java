package io.smsflows.sms.batch;

import java.util.List;

/**
 * The answer to a batch request.
 *
 * @param id            batch id
 * @param state         ACCEPTED (or the state of the batch this idempotency key made before)
 * @param accepted      rows stored for sending (numbers that opted out included: they count as suppressed)
 * @param rejectedCount rows refused
 * @param rejected      the first refused rows with their reasons (all: GET /api/sms/batches/{id}/rejections)
 * @param duplicate     true when the idempotency key was known: nothing new was stored
 */
public record BatchReceipt(String id, BatchState state, int accepted, int rejectedCount, List<BatchRejection> rejected,
                           boolean duplicate) {
}
