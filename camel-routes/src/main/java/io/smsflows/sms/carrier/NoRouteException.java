package io.smsflows.sms.carrier;

/** No routing rule matches a message: a configuration gap, the message fails with {@code NO_ROUTE}. */
public class NoRouteException extends RuntimeException {

    public NoRouteException(String message) {
        super(message);
    }
}
