package io.smsflows.sms.support;

import java.util.Collection;
import java.util.List;

/** Who is asking in the current request (the authenticated user or client), for audit columns and roles. */
@FunctionalInterface
public interface CurrentUser {

    /** The user id, or null if the request is not authenticated. */
    String id();

    /** The user's groups (its roles come from them). */
    default Collection<String> groupIds() {
        return List.of();
    }

    CurrentUser UNKNOWN = () -> null;
}
