package io.smsflows.cockpit;

import io.smsflows.camunda.security.SessionCallers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/** The user logged in to the Camunda webapps (Cockpit, Tasklist) on this engine, from the request's session. */
public class CockpitSessionCallers implements SessionCallers {

    private final String engineName;

    public CockpitSessionCallers(String engineName) {
        this.engineName = engineName;
    }

    @Override
    public Optional<String> userId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications all = AuthenticationUtil.getAuthsFromSession(session);
        Authentication auth = all == null ? null : all.getAuthenticationForProcessEngine(engineName);
        return auth == null || auth == Authentication.ANONYMOUS ? Optional.empty()
                : Optional.ofNullable(auth.getIdentityId());
    }
}
