package io.smsflows.sms.codec;

/** Octets that are not a valid text in the stated coding; the message says what is wrong. */
public class SmsDecodingException extends RuntimeException {

    public SmsDecodingException(String message) {
        super(message);
    }
}
