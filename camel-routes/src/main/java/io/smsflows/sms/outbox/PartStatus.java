package io.smsflows.sms.outbox;

/** Life of one part (one submit_sm). */
public enum PartStatus {
    PENDING, SUBMITTED, DELIVERED, FAILED;

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED;
    }
}
