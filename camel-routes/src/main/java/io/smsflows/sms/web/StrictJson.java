package io.smsflows.sms.web;

/**
 * Marks a request body type whose unknown JSON fields are refused (400 naming the field and the known ones)
 * instead of ignored: a misspelt field there would silently lose what the caller meant ("phoneNumber" for
 * "phone"). Only these types: the host application's JSON settings stay as they are.
 */
public interface StrictJson {
}
