package io.smsflows.sms.smpp;

/**
 * Where the SMSC listens, when something other than {@code smsflows.smpp.host/port} decides it: the built-in simulator
 * exposes one, so the bind goes to it.
 */
public record SmscAddress(String host, int port) {
}
