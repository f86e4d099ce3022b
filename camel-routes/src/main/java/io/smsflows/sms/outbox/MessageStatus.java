package io.smsflows.sms.outbox;

/** Life of an outbound message. DELIVERED, FAILED, EXPIRED and CANCELLED are final. */
public enum MessageStatus {
    /** In the outbox, due at next_attempt_at. */
    QUEUED,
    /** Claimed by a node, parts being submitted. */
    SENDING,
    /** All parts accepted by the SMSC, receipts pending. */
    SUBMITTED,
    /** Receipts say every part was delivered. */
    DELIVERED,
    /** Refused by the SMSC, undeliverable, opted out, or retries exhausted. */
    FAILED,
    /** No final receipt for every part within smsflows.receipts.timeout. */
    EXPIRED,
    /** Its batch was cancelled before it reached the wire. */
    CANCELLED;

    /** Statuses of messages that are not finished, as an SQL list. */
    public static final String OPEN_SQL = "('QUEUED', 'SENDING', 'SUBMITTED')";
    /** Final statuses as an SQL list. */
    public static final String FINAL_SQL = "('DELIVERED', 'FAILED', 'EXPIRED', 'CANCELLED')";

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == EXPIRED || this == CANCELLED;
    }
}
