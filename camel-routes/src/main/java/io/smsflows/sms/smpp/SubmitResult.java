package io.smsflows.sms.smpp;

/**
 * What the SMSC answered to one submit_sm: its message id, or a failure (transient or permanent).
 *
 * @param smscMessageId the id of submit_sm_resp as the SMSC wrote it, or null on failure
 * @param failure       why there is no id, or null
 */
public record SubmitResult(String smscMessageId, SubmitFailure failure) {

    public static SubmitResult accepted(String smscMessageId) {
        return new SubmitResult(smscMessageId, null);
    }

    public static SubmitResult failed(SubmitFailure failure) {
        return new SubmitResult(null, failure);
    }

    public boolean isAccepted() {
        return failure == null;
    }
}
