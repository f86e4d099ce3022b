package io.smsflows.sms.number;

/** A sender (source address) that is malformed or may not be used for this message; the message says why. */
public class InvalidSenderException extends RuntimeException {

    public InvalidSenderException(String message) {
        super(message);
    }
}
