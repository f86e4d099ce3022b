package io.smsflows.sms.support;

/** Who is asking in the current request (the authenticated user or client), for audit columns; null if unknown. */
@FunctionalInterface
public interface CurrentUser {

    String id();

    CurrentUser UNKNOWN = () -> null;
}
