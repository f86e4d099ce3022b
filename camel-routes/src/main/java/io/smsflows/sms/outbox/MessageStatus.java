package io.smsflows.sms.outbox;

/** Life of an outbound message. DELIVERED, FAILED and EXPIRED are final. */
public enum MessageStatus {
    /** In the outbox, due at next_attempt_at. */
    QUEUED,
    /** Claimed by a node, parts being submitted. */
    SENDING,
    /** All parts accepted by the SMSC, receipts pending. */
    SUBMITTED,
    /** Receipts say every part was delivered. */
    DELIVERED,
    /** Refused by the SMSC, undeliverable, or retries exhausted. */
    FAILED,
    /** No final receipt for every part within smsflows.receipts.timeout. */
    EXPIRED;

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == EXPIRED;
    }
}
