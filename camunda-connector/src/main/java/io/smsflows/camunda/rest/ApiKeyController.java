package io.smsflows.camunda.rest;

import io.smsflows.camunda.security.RoleCheckedEngine;
import io.smsflows.sms.security.AllowedRoles;
import io.smsflows.sms.security.ApiKey;
import io.smsflows.sms.security.ApiKeys;
import io.smsflows.sms.security.CallerRoles;
import io.smsflows.sms.web.StrictJson;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys of machine clients, for sms-admins ({@code /api/security/api-keys}). A key acts as an existing Camunda
 * user, typically a technical user without a password in the crm group. Rotation: issue a second key, switch the
 * client over, revoke the first; both work in between.
 */
@RestController
@RequestMapping("/api/security/api-keys")
@AllowedRoles({}) // sms-admin only
public class ApiKeyController {

    /**
     * @param userId   the Camunda user the key acts as (required; its groups give the key's roles)
     * @param name     what the key is for (required), e.g. "crm-prod-2026-12"
     * @param validFor ISO-8601 duration, e.g. P365D; absent: does not expire
     */
    public record IssueRequest(String userId, String name, String validFor) implements StrictJson {
    }

    private final ApiKeys keys;
    private final RoleCheckedEngine engine;
    private final CallerRoles caller;
    private final Clock clock;

    public ApiKeyController(ApiKeys keys, RoleCheckedEngine engine, CallerRoles caller, Clock clock) {
        this.keys = keys;
        this.engine = engine;
        this.caller = caller;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<?> issue(@RequestBody IssueRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (request.userId() == null || request.userId().isBlank()) {
            errors.put("userId", "is required: the Camunda user the key acts as (create it in Camunda Admin)");
        } else if (engine.call(() -> engine.engine().getIdentityService().createUserQuery()
                .userId(request.userId()).count()) == 0) {
            errors.put("userId", "no Camunda user '" + request.userId() + "': create it in Camunda Admin (a "
                    + "technical user needs no password) and add it to the group of its role");
        }
        if (request.name() == null || request.name().isBlank()) {
            errors.put("name", "is required: what the key is for, e.g. crm-prod-2026-12");
        } else if (request.name().length() > 255) {
            errors.put("name", "must be at most 255 characters");
        }
        Instant expiresAt = null;
        if (request.validFor() != null) {
            try {
                Duration validFor = Duration.parse(request.validFor());
                if (validFor.isNegative() || validFor.isZero()) {
                    errors.put("validFor", "must be positive");
                } else {
                    expiresAt = clock.instant().plus(validFor);
                }
            } catch (DateTimeParseException e) {
                errors.put("validFor", "must be an ISO-8601 duration, e.g. P365D");
            }
        }
        if (!errors.isEmpty()) {
            return Problems.invalid("API key not issued", errors);
        }
        ApiKeys.Issued issued = keys.issue(request.userId(), request.name().trim(), expiresAt, caller.userId());
        Map<String, Object> body = view(issued.key());
        body.put("key", issued.secret());
        body.put("note", "the key is shown only now: store it in the client's secret store");
        return ResponseEntity.created(URI.create("/api/security/api-keys/" + issued.key().id())).body(body);
    }

    @GetMapping
    public List<Map<String, Object>> list(@RequestParam(required = false) String userId) {
        return keys.list(userId).stream().map(ApiKeyController::view).toList();
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<?> revoke(@PathVariable String id) {
        if (keys.find(id).isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no API key with id '"
                    + id + "': GET /api/security/api-keys lists them");
            problem.setTitle("No such API key");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
        boolean revoked = keys.revoke(id, caller.userId());
        return ResponseEntity.ok(Map.of("id", id, "revoked", true, "alreadyRevoked", !revoked));
    }

    private static Map<String, Object> view(ApiKey key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", key.id());
        m.put("userId", key.userId());
        m.put("name", key.name());
        m.put("createdBy", key.createdBy());
        m.put("createdAt", key.createdAt().toString());
        m.put("expiresAt", key.expiresAt() == null ? null : key.expiresAt().toString());
        m.put("revokedAt", key.revokedAt() == null ? null : key.revokedAt().toString());
        return m;
    }
}
