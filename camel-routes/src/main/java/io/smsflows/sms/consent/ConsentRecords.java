package io.smsflows.sms.consent;

import io.smsflows.sms.number.PhoneNumbers;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.smsflows.sms.support.TimeOrderedIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consent records (sms_consent): per number and scope, granted or withdrawn, since when, from where, with its proof;
 * every change also goes to the audit trail (sms_consent_event) under the same id, so the id a message records
 * ({@code sms_message.consent_id}) still finds its proof after later changes. A change takes the number's lock
 * ({@link RecipientGate}), as opt-outs do: a withdrawal committed before a marketing message reaches the wire is
 * seen by it, and one committed after waits until the message is on the wire.
 */
public class ConsentRecords {

    /** Scope of marketing consent for every sender. */
    public static final String MARKETING = "marketing";

    private static final Logger LOG = LoggerFactory.getLogger(ConsentRecords.class);
    private static final String COLUMNS = "id, recipient, scope, granted, source, proof, recorded_by, changed_at";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final RecipientGate gate;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ConsentRecords(JdbcTemplate jdbc, RecipientGate gate, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.gate = gate;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The scope of marketing consent for one sender ({@code marketing:SHOP}), or every sender (null). */
    public static String marketingScope(String sender) {
        String key = ConsentScopes.senderKey(sender);
        return key == null ? MARKETING : MARKETING + ":" + key;
    }

    /**
     * Records a consent given or withdrawn, in its own transaction under the number's lock.
     *
     * @param recipient E.164
     * @param scope     {@code marketing} or {@code marketing:<sender>}
     */
    public ConsentRecord record(String recipient, String scope, boolean granted, ConsentSource source, String proof,
                                String actor) {
        String normalisedScope = scope == null || scope.isBlank() ? MARKETING : scope.trim();
        if (!normalisedScope.equals(MARKETING) && !normalisedScope.startsWith(MARKETING + ":")) {
            throw new IllegalArgumentException("scope '" + scope + "' is not a consent scope: use 'marketing' or "
                    + "'marketing:<sender>'");
        }
        return transactions.execute(tx -> {
            gate.lockAll(List.of(recipient));
            Instant now = clock.instant();
            String id = TimeOrderedIds.next(); // orders events of the same instant in the audit trail
            int updated = jdbc.update("update sms_consent set id = ?, granted = ?, source = ?, proof = ?, "
                            + "recorded_by = ?, changed_at = ? where recipient = ? and scope = ?", id, granted,
                    source.name(), cut(proof), actor, Timestamp.from(now), recipient, normalisedScope);
            if (updated == 0) {
                jdbc.update("insert into sms_consent (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", id, recipient,
                        normalisedScope, granted, source.name(), cut(proof), actor, Timestamp.from(now));
            }
            jdbc.update("insert into sms_consent_event (id, recipient, scope, action, source, actor, reason, proof, "
                            + "at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, recipient,
                    normalisedScope, granted ? "CONSENT_GRANTED" : "CONSENT_REVOKED", source.name(), actor, null,
                    cut(proof), Timestamp.from(now));
            LOG.info("Consent {} for {} ({}) {} by {}", granted ? "granted" : "withdrawn", PhoneNumbers.mask(recipient),
                    normalisedScope, source, actor);
            return new ConsentRecord(id, recipient, normalisedScope, granted, source, cut(proof), actor, now);
        });
    }

    /** The current consents of a number, every scope. */
    public List<ConsentRecord> current(String recipient) {
        return jdbc.query("select " + COLUMNS + " from sms_consent where recipient = ? order by scope",
                (rs, i) -> map(rs), recipient);
    }

    /** Granted consents of these numbers (one query per thousand), by number. */
    public Map<String, List<ConsentRecord>> granted(Collection<String> recipients) {
        Map<String, List<ConsentRecord>> found = new HashMap<>();
        List<String> all = new ArrayList<>(recipients);
        for (int from = 0; from < all.size(); from += 1000) {
            named.query("select " + COLUMNS + " from sms_consent where granted = true and recipient in (:r)",
                    new MapSqlParameterSource("r", all.subList(from, Math.min(all.size(), from + 1000))), rs -> {
                        ConsentRecord c = map(rs);
                        found.computeIfAbsent(c.recipient(), k -> new ArrayList<>()).add(c);
                    });
        }
        return found;
    }

    /** The consent that allows marketing from {@code sender}: for that sender, or for every sender; null if none. */
    public static ConsentRecord allowing(List<ConsentRecord> granted, String sender) {
        String own = marketingScope(sender);
        ConsentRecord any = null;
        for (ConsentRecord c : granted) {
            if (c.scope().equals(own)) {
                return c;
            }
            if (c.scope().equals(MARKETING)) {
                any = c;
            }
        }
        return any;
    }

    private static ConsentRecord map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ConsentRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                ConsentSource.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)), rs.getString(6), rs.getString(7),
                rs.getTimestamp(8).toInstant());
    }

    private static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
