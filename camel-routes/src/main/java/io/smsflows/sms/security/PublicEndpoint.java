package io.smsflows.sms.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller anyone may call without logging in (customers clicking a short link). It must answer only what its
 * purpose needs and change nothing but its own records; the role check leaves it alone. Keep it off /api/*.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublicEndpoint {
}
