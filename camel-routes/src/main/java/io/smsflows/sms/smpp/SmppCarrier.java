package io.smsflows.sms.smpp;

/**
 * An SMSC to bind to: a carrier's name, its settings (smsflows.smpp.* with the carrier's own over them) and where it
 * is (the carrier's host, or the built-in simulator).
 */
public record SmppCarrier(String name, SmppProperties config, String host, int port) {
}
