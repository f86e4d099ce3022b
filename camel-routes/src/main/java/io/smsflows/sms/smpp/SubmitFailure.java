package io.smsflows.sms.smpp;

/**
 * A submit_sm that did not get a message id. Transient failures (throttling, SMSC busy, no bind, timeout) are
 * retried with backoff; permanent ones (invalid destination, refused content) fail the message at once.
 */
public class SubmitFailure extends Exception {

    private final boolean transientFailure;
    private final String code;

    public SubmitFailure(boolean transientFailure, String code, String message, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.code = code;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** SMPP command_status as 0x%08x, or a symbolic code (TIMEOUT, NO_BIND, ...). */
    public String code() {
        return code;
    }
}
