package io.smsflows.sms.batch;

/** Life of a batch. */
public enum BatchState {
    /** Stored, nothing on the wire yet. */
    ACCEPTED,
    /** Messages are on the way. */
    SENDING,
    /** Every message reached a final status. */
    DONE,
    /** Stopped: what had not reached the wire is not sent. */
    CANCELLED
}
