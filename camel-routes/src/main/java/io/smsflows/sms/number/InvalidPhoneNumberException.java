package io.smsflows.sms.number;

/** A recipient that is not a usable phone number; the message says what is wrong and how to fix it. */
public class InvalidPhoneNumberException extends IllegalArgumentException {

    public InvalidPhoneNumberException(String message) {
        super(message);
    }
}
