package io.smsflows.sms.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an endpoint of ours (on the method, or on the controller for all its methods).
 * {@link SmsRole#ADMIN} may always. An endpoint of ours without this annotation is refused to everybody but
 * admins: a new endpoint is closed until someone decides who may use it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AllowedRoles {

    SmsRole[] value();
}
