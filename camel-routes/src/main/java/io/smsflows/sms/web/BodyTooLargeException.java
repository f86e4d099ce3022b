package io.smsflows.sms.web;

import java.io.IOException;

/** A request body went past its limit while being read: a 413, and nothing of it is kept. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit, String property) {
        super("the request body is larger than " + limit + " bytes (" + property + "): send less per request, "
                + "or raise the limit");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
