package io.smsflows.sms.batch;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Where a batch stands, counted from its messages.
 *
 * @param total      rows received
 * @param accepted   rows stored for sending
 * @param rejected   rows refused (see the rejections)
 * @param queued     not on the wire yet (waiting, or being submitted)
 * @param submitted  accepted by the SMSC, receipt pending
 * @param delivered  receipts say delivered
 * @param failed     refused by the SMSC, undeliverable, or retries exhausted (not counting suppressed)
 * @param expired    no final receipt in time
 * @param suppressed not sent: the number opted out
 * @param cancelled  not sent: the batch was cancelled first
 * @param parts      parts that reached the SMSC (what the carrier bills)
 * @param cost       parts x price per part of each recipient's country (smsflows.pricing), null if no price is known
 * @param firstSubmittedAt first message accepted by the SMSC
 * @param lastDoneAt last message that reached its final status
 * @param doneAt     when the batch ended (every message final), or null
 * @param deferred   of the queued ones, those waiting for their recipient's sending window (counted when the status
 *                   is asked for over REST; null elsewhere)
 * @param nextOpening the earliest time a deferred one may go, or null
 * @param noConsent  of the failed ones, marketing messages without a consent record at the wire (asked for over
 *                   REST; null elsewhere)
 * @param capped     of the failed ones, marketing messages over their number's frequency cap (same)
 */
public record BatchStatus(String id, BatchState state, String category, String sender, String businessKey,
                          String processInstanceId, int total, int accepted, int rejected, int queued, int submitted,
                          int delivered, int failed, int expired, int suppressed, int cancelled, long parts,
                          BigDecimal cost, String currency, Instant createdAt, Instant firstSubmittedAt,
                          Instant lastDoneAt, Instant doneAt, Instant cancelledAt, Integer deferred,
                          Instant nextOpening, Integer noConsent, Integer capped) {

    /** The same status with its deferred, no-consent and capped messages counted. */
    public BatchStatus withDetails(int deferredCount, Instant next, int noConsentCount, int cappedCount) {
        return new BatchStatus(id, state, category, sender, businessKey, processInstanceId, total, accepted, rejected,
                queued, submitted, delivered, failed, expired, suppressed, cancelled, parts, cost, currency, createdAt,
                firstSubmittedAt, lastDoneAt, doneAt, cancelledAt, deferredCount, next, noConsentCount, cappedCount);
    }


    /** Messages that reached a final status. */
    public int finished() {
        return delivered + failed + expired + suppressed + cancelled;
    }
}
