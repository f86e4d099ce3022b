package io.smsflows.camunda.security;

import io.smsflows.sms.security.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a REST request as a Camunda user, like Camunda's {@code ProcessEngineAuthenticationFilter} with
 * HTTP Basic, and also with an API key ({@code Authorization: Bearer smsf_...} or {@code X-API-Key}) for machine
 * clients. The user's groups and tenants are set on the engine's identity service for the request, so engine
 * authorizations and our roles both apply.
 * <p>
 * Why a key as well as Basic: Camunda counts failed passwords per user and delays, then locks, the user. A CRM
 * sharing one technical user can be locked out by a single bad request among concurrent good ones. A wrong key
 * counts against nothing; a key's secret is random and long, so there is nothing to throttle.
 */
public class SmsRestAuthenticationFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";

    private final IdentityService identity;
    private final ApiKeys apiKeys;
    private final SessionCallers sessions;

    public SmsRestAuthenticationFilter(IdentityService identity, ApiKeys apiKeys) {
        this(identity, apiKeys, null);
    }

    /** @param sessions the Camunda webapps' logged-in user, for reads (the Cockpit plugin); null: none */
    public SmsRestAuthenticationFilter(IdentityService identity, ApiKeys apiKeys, SessionCallers sessions) {
        this.identity = identity;
        this.apiKeys = apiKeys;
        this.sessions = sessions;
    }

    /** Providers' webhooks prove who sent them by their signature (WebhookController), not by a user. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String prefix = io.smsflows.sms.http.WebhookController.PATH + "/";
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        // the path as the container maps it, decoded and normalised, must be a webhook too; and no tricks in the raw
        // one (dot segments, path parameters, encoded slashes) that could map elsewhere
        String mapped = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        return raw.startsWith(prefix) && mapped.startsWith(prefix) && !raw.contains("..") && !raw.contains(";")
                && !lower.contains("%2f") && !lower.contains("%2e") && !lower.contains("%5c") && !raw.contains("\\");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        String apiKey = request.getHeader(API_KEY_HEADER);
        if (apiKey == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            apiKey = authorization.substring(7).trim();
        }
        Optional<String> user;
        if (apiKey != null) {
            user = apiKeys.authenticate(apiKey);
            if (user.isEmpty()) {
                refuse(response, "The API key is unknown, revoked or expired. An sms-admin issues keys with "
                        + "POST /api/security/api-keys.");
                return;
            }
        } else if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            user = basic(authorization.substring(6).trim());
            if (user.isEmpty()) {
                refuse(response, "Wrong user or password (or the user is locked after failed logins; an "
                        + "administrator unlocks it in Camunda Admin). Machine clients should use an API key.");
                return;
            }
        } else if (sessions != null && isRead(request)
                && (user = sessions.userId(request)).isPresent()) {
            // the Cockpit plugin, with the operator's webapp login (reads only)
        } else {
            refuse(response, "Authentication required: HTTP Basic with a Camunda user, or an API key "
                    + "(Authorization: Bearer smsf_... or X-API-Key).");
            return;
        }
        String userId = user.get();
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).toList();
        identity.setAuthentication(userId, groups, tenants);
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Only the plugin's reads: a GET or HEAD of {@code /api/sms/messages} or {@code /api/sms/overview}. Never
     * {@code /engine-rest}, which serves stored content (variables' data, deployment resources) without the webapps'
     * security headers, and never a change.
     */
    private static boolean isRead(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return SESSION_READS.contains(path);
    }

    /** The paths the Cockpit plugin reads with the webapps' login. */
    static final java.util.Set<String> SESSION_READS = java.util.Set.of("/api/sms/messages", "/api/sms/overview");

    private Optional<String> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String userId = decoded.substring(0, colon);
        return identity.checkPassword(userId, decoded.substring(colon + 1)) ? Optional.of(userId) : Optional.empty();
    }

    private static void refuse(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"SMS Flows\", Bearer");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
