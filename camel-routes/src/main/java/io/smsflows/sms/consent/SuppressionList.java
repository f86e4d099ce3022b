package io.smsflows.sms.consent;

import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.outbox.SmsMessageRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The suppression list: who must not receive messages, since when, why, with the proof, and the audit trail of
 * every change (sms_consent_event). Changes take the number's lock ({@link RecipientGate}) so they never interleave
 * with a submission to that number.
 */
public class SuppressionList {

    private static final Logger LOG = LoggerFactory.getLogger(SuppressionList.class);
    private static final String COLUMNS = "id, recipient, scope, source, reason, proof, created_by, created_at, "
            + "confirmation_message_id";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final RecipientGate gate;
    private final Clock clock;

    private volatile ErasedNumbers erased;

    public SuppressionList(JdbcTemplate jdbc, RecipientGate gate, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.gate = gate;
        this.clock = clock;
    }

    /**
     * Suppresses {@code recipient} in {@code scope}. Idempotent: an already active suppression in that scope is
     * returned as it is (the first opt-out stays the proof).
     */
    public Suppression suppress(String recipient, String scope, ConsentSource source, String reason, String proof,
                                String inboundId, String actor) {
        String scopeKey = scope == null ? Suppression.GLOBAL : scope;
        return gate.locked(recipient, () -> {
            Optional<Suppression> existing = activeInScope(recipient, scopeKey);
            if (existing.isPresent()) {
                return existing.get();
            }
            Instant now = clock.instant();
            String id = UUID.randomUUID().toString();
            jdbc.update("insert into sms_suppression (id, recipient, scope, source, reason, proof, inbound_id, "
                            + "created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, recipient, scopeKey,
                    source.name(), cut(reason, 1000), cut(proof, 2000), inboundId, actor, Timestamp.from(now));
            event(recipient, scopeKey, "SUPPRESSED", source, actor, reason, proof, now);
            LOG.info("{} suppressed in scope {} (source {})", PhoneNumbers.mask(recipient), scopeKey, source);
            return new Suppression(id, recipient, scopeKey, source, reason, proof, actor, now, null);
        });
    }

    /** Lifts the suppression of {@code recipient} in {@code scope} (GLOBAL lifts every scope); false if none. */
    public boolean resubscribe(String recipient, String scope, ConsentSource source, String reason, String actor) {
        String scopeKey = scope == null ? Suppression.GLOBAL : scope;
        return gate.locked(recipient, () -> {
            Instant now = clock.instant();
            int lifted = Suppression.GLOBAL.equals(scopeKey)
                    ? jdbc.update("update sms_suppression set removed_at = ?, removed_by = ?, removed_reason = ? "
                    + "where recipient in (?, ?) and removed_at is null", Timestamp.from(now), actor,
                    cut(reason, 1000), recipient, hashed(recipient))
                    : jdbc.update("update sms_suppression set removed_at = ?, removed_by = ?, removed_reason = ? "
                    + "where recipient in (?, ?) and scope = ? and removed_at is null", Timestamp.from(now), actor,
                    cut(reason, 1000), recipient, hashed(recipient), scopeKey);
            if (lifted > 0) {
                event(recipient, scopeKey, "RESUBSCRIBED", source, actor, reason, null, now);
                LOG.info("{} re-subscribed in scope {} (source {})", PhoneNumbers.mask(recipient), scopeKey, source);
            }
            return lifted > 0;
        });
    }

    /**
     * With erasure: opt-outs of erased numbers are kept under a salted hash ({@link ErasedNumbers}), and every lookup
     * also asks for the hash of the number it is given, so an erased number's opt-out still blocks it.
     */
    public void setErasedNumbers(ErasedNumbers erased) {
        this.erased = erased;
    }

    /** Moves a number's opt-outs to its hashed form, their reason and proof erased (data-subject erasure). */
    public int anonymise(String recipient, String actor) {
        if (erased == null) {
            throw new IllegalStateException("erasure needs ErasedNumbers (setErasedNumbers)");
        }
        return jdbc.update("update sms_suppression set recipient = ?, reason = 'erased on request', proof = null, "
                + "created_by = ? where recipient = ?", erased.hash(recipient), actor, recipient);
    }

    /** Active suppressions of these recipients (E.164), oldest first per recipient. */
    public Map<String, List<Suppression>> activeFor(Collection<String> recipients) {
        Map<String, List<Suppression>> byRecipient = new HashMap<>();
        Map<String, String> numberOfHash = new HashMap<>();
        List<String> keys = new ArrayList<>(new HashSet<>(recipients));
        if (erased != null) {
            for (String r : new HashSet<>(recipients)) {
                String h = erased.hash(r);
                numberOfHash.put(h, r);
                keys.add(h);
            }
        }
        for (List<String> chunk : SmsMessageRepository.chunks(keys)) {
            named.query("select " + COLUMNS + " from sms_suppression where recipient in (:r) and removed_at is null "
                    + "order by created_at", new MapSqlParameterSource("r", chunk), rs -> {
                        Suppression s = map(rs, 0);
                        String number = numberOfHash.getOrDefault(s.recipient(), s.recipient());
                        byRecipient.computeIfAbsent(number, k -> new ArrayList<>()).add(s);
                    });
        }
        return byRecipient;
    }

    /** The active suppression that blocks a message from {@code sender} to {@code recipient}, if any. */
    public Optional<Suppression> blocking(String recipient, String sender) {
        String senderKey = ConsentScopes.senderKey(sender);
        List<Suppression> rows = jdbc.query("select " + COLUMNS + " from sms_suppression where recipient in (?, ?) "
                        + "and removed_at is null and (scope = ? or scope = ?) order by created_at",
                this::map, recipient, hashed(recipient), Suppression.GLOBAL,
                senderKey == null ? Suppression.GLOBAL : senderKey);
        return rows.stream().findFirst();
    }

    private String hashed(String recipient) {
        return erased == null || recipient == null ? recipient : erased.hash(recipient);
    }

    /**
     * Lets the one opt-out confirmation through: true exactly once per suppression (the first message id that
     * asks), and again for that same message id (a retried submission of its other parts).
     */
    public boolean claimConfirmation(String suppressionId, String messageId) {
        if (jdbc.update("update sms_suppression set confirmation_message_id = ? where id = ? "
                + "and confirmation_message_id is null", messageId, suppressionId) == 1) {
            return true;
        }
        return messageId.equals(jdbc.queryForObject("select confirmation_message_id from sms_suppression where id = ?",
                String.class, suppressionId));
    }

    public Optional<Suppression> activeInScope(String recipient, String scope) {
        return jdbc.query("select " + COLUMNS + " from sms_suppression where recipient in (?, ?) and scope = ? "
                + "and removed_at is null", this::map, recipient, hashed(recipient), scope).stream().findFirst();
    }

    public List<Suppression> active(String recipient, int limit) {
        if (recipient == null) {
            return jdbc.query("select " + COLUMNS + " from sms_suppression where removed_at is null "
                    + "order by created_at desc fetch first " + limit + " rows only", this::map);
        }
        return jdbc.query("select " + COLUMNS + " from sms_suppression where removed_at is null and recipient = ? "
                + "order by created_at desc fetch first " + limit + " rows only", this::map, recipient);
    }

    /** The audit trail of a number, oldest first. */
    public List<ConsentEvent> history(String recipient) {
        return jdbc.query("select recipient, scope, action, source, actor, reason, proof, at from sms_consent_event "
                        + "where recipient = ? order by at, id", (rs, i) -> new ConsentEvent(rs.getString(1),
                        rs.getString(2), rs.getString(3), ConsentSource.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()), recipient);
    }

    private void event(String recipient, String scope, String action, ConsentSource source, String actor,
                       String reason, String proof, Instant at) {
        jdbc.update("insert into sms_consent_event (id, recipient, scope, action, source, actor, reason, proof, at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), recipient, scope, action,
                source.name(), actor, cut(reason, 1000), cut(proof, 2000), Timestamp.from(at));
    }

    private Suppression map(ResultSet rs, int row) throws SQLException {
        return new Suppression(rs.getString(1), rs.getString(2), rs.getString(3),
                ConsentSource.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getTimestamp(8).toInstant(), rs.getString(9));
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** One consent change, as audited. */
    public record ConsentEvent(String recipient, String scope, String action, ConsentSource source, String actor,
                               String reason, String proof, Instant at) {

        /** The same event with the number masked, for readers who may not see numbers. */
        public ConsentEvent masked() {
            return new ConsentEvent(PhoneNumbers.mask(recipient), scope, action, source, actor, reason, proof, at);
        }
    }
}
