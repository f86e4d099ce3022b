package io.smsflows.sms.consent;

import io.smsflows.sms.number.PhoneNumbers;

/** The recipient opted out: nothing was queued. In BPMN this is the error {@code SMS_SUPPRESSED}. */
public class RecipientSuppressedException extends RuntimeException {

    private final transient Suppression suppression;

    public RecipientSuppressedException(Suppression suppression) {
        super(PhoneNumbers.mask(suppression.recipient()) + " opted out (scope " + suppression.scope() + ", source "
                + suppression.source() + ", since " + suppression.createdAt() + "): nothing is sent to this number "
                + "until it re-subscribes (START)");
        this.suppression = suppression;
    }

    public Suppression suppression() {
        return suppression;
    }
}
