package io.smsflows.camunda.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The user logged in to the Camunda webapps in this request's session, if any (provided by the Cockpit plugin
 * module, which knows the webapps' session). Lets the Cockpit plugin read our REST API with the operator's own
 * login; only for reads (GET/HEAD): a session cookie rides along with cross-site requests, so nothing that changes
 * state is accepted on the strength of it.
 */
@FunctionalInterface
public interface SessionCallers {

    /** The webapp user of the request's session: its id (groups are looked up as for Basic). */
    Optional<String> userId(HttpServletRequest request);
}
