package io.smsflows.sms.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * API keys for machine clients: {@code smsf_<id>_<secret>}, 128 random bits of id and 256 of secret. Only SHA-256
 * of the secret is stored; a fast hash is enough for a random 256-bit secret (nothing to guess), and it keeps a
 * request's check to one primary-key read. A wrong key only fails that request: nothing is counted against the
 * user, so one bad request cannot lock out a client (Camunda's password login locks a user after failures).
 */
public class ApiKeys {

    public static final String PREFIX = "smsf_";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String COLUMNS = "id, user_id, name, created_by, created_at, expires_at, revoked_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new key and its secret in clear, which is shown once and never stored. */
    public record Issued(ApiKey key, String secret) {
    }

    public Issued issue(String userId, String name, Instant expiresAt, String createdBy) {
        byte[] idBytes = new byte[16];
        byte[] secretBytes = new byte[32];
        random.nextBytes(idBytes);
        random.nextBytes(secretBytes);
        // the id is hex: the first '_' after the prefix separates it from the secret (which may contain '_')
        String id = HexFormat.of().formatHex(idBytes);
        String secret = B64.encodeToString(secretBytes);
        Instant now = clock.instant();
        jdbc.update("insert into sms_api_key (id, user_id, name, secret_hash, created_by, created_at, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)", id, userId, name, hash(secret), createdBy,
                Timestamp.from(now), expiresAt == null ? null : Timestamp.from(expiresAt));
        return new Issued(new ApiKey(id, userId, name, createdBy, now, expiresAt, null), PREFIX + id + "_" + secret);
    }

    /** The user a presented key acts as, if the key is well formed, known, matches, not revoked and not expired. */
    public Optional<String> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = presented.substring(PREFIX.length());
        int split = rest.indexOf('_');
        if (split <= 0 || split == rest.length() - 1) {
            return Optional.empty();
        }
        String id = rest.substring(0, split);
        String secret = rest.substring(split + 1);
        List<Object[]> rows = jdbc.query("select user_id, secret_hash, expires_at, revoked_at from sms_api_key where id = ?",
                (rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getTimestamp(3), rs.getTimestamp(4)}, id);
        // hash even for an unknown id, so that timing does not tell which ids exist
        byte[] presentedHash = hash(secret).getBytes(StandardCharsets.US_ASCII);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        boolean matches = MessageDigest.isEqual(presentedHash, ((String) row[1]).getBytes(StandardCharsets.US_ASCII));
        Instant now = clock.instant();
        boolean expired = row[2] != null && !((Timestamp) row[2]).toInstant().isAfter(now);
        return matches && !expired && row[3] == null ? Optional.of((String) row[0]) : Optional.empty();
    }

    public List<ApiKey> list(String userId) {
        return userId == null
                ? jdbc.query("select " + COLUMNS + " from sms_api_key order by created_at", ApiKeys::map)
                : jdbc.query("select " + COLUMNS + " from sms_api_key where user_id = ? order by created_at",
                ApiKeys::map, userId);
    }

    public Optional<ApiKey> find(String id) {
        return jdbc.query("select " + COLUMNS + " from sms_api_key where id = ?", ApiKeys::map, id).stream().findFirst();
    }

    /** Revokes a key at once; true if it was active. */
    public boolean revoke(String id, String by) {
        return jdbc.update("update sms_api_key set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null",
                Timestamp.from(clock.instant()), by, id) == 1;
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(rs.getString("id"), rs.getString("user_id"), rs.getString("name"),
                rs.getString("created_by"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
