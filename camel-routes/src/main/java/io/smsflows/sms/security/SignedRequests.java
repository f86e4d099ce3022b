package io.smsflows.sms.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller whose callers are not users but providers, who prove who they are by signing each request (HMAC).
 * The controller checks the signature itself; the user authentication and the role check leave it alone.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SignedRequests {
}
