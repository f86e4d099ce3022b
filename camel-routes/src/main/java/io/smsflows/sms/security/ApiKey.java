package io.smsflows.sms.security;

import java.time.Instant;

/**
 * An API key as stored: never its secret, only a hash of it.
 *
 * @param id        the public part of the key ({@code smsf_<id>_<secret>}), used to find it
 * @param userId    the Camunda user the key acts as (its groups give the roles)
 * @param name      what the key is for, e.g. "crm-prod-2026-12"
 * @param expiresAt null: does not expire
 * @param revokedAt null: not revoked
 */
public record ApiKey(String id, String userId, String name, String createdBy, Instant createdAt, Instant expiresAt,
                     Instant revokedAt) {

    public boolean validAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
