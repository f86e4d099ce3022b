package io.smsflows.sms.consent;

/** Where a consent change came from; kept with every suppression and consent event as proof. */
public enum ConsentSource {
    /** A keyword sent by the customer (STOP, START...). */
    SMS,
    /** The CRM over REST (e.g. unsubscribed on the website). */
    CRM,
    /** An operator (Tasklist form or the suppression REST API). */
    OPERATOR,
    /** A web form (double opt-in or a checkbox), recorded by the CRM with the form's proof. */
    WEB_FORM,
    /** A bulk import of consents collected elsewhere. */
    IMPORT
}
