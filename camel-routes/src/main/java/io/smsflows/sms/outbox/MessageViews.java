package io.smsflows.sms.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What operators see of messages (the Cockpit plugin and {@code /api/sms/messages}): every message with its parts,
 * receipts and the replies to it, by process instance or by search; live counts. Read-only; the tables are the
 * source of truth, so a finished journey shows as much as a running one.
 */
public class MessageViews {

    /** One part on the wire and its receipt. */
    public record PartView(int partNo, String smscMessageId, String status, String errorCode, Instant submittedAt,
                           Instant doneAt) {
    }

    /** A reply to a message's question, with the intent the reply-intent decision read. */
    public record ReplyView(String inboundId, String text, String intent, Instant receivedAt) {
    }

    /** A message and everything that happened to it. {@code text} is null once erased. */
    public record MessageView(String id, String processInstanceId, String businessKey, String activityId,
                              String recipient, String sender, String text, Instant textErasedAt, String category,
                              String encoding, int parts, String status, String errorCode, String errorText,
                              String carrier, String routeRule, String country, String batchId, String consentId,
                              Instant createdAt, Instant submittedAt, Instant doneAt, List<PartView> partViews,
                              List<ReplyView> replies) {
    }

    /**
     * Search of messages; null fields do not filter. Journeys are found by their instances (the caller resolves a
     * business key or a process through the engine's history, which indexes them); {@code from} bounds the scan.
     */
    public record Filter(Collection<String> processInstanceIds, String recipient, String status, Instant from,
                         Instant to) {
    }

    private static final String COLUMNS = "id, process_instance_id, business_key, activity_id, recipient, sender, "
            + "body, body_erased_at, category, encoding, parts, status, error_code, error_text, carrier, route_rule, "
            + "country, batch_id, consent_id, created_at, submitted_at, done_at";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public MessageViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Newest first, at most {@code limit}, with parts and replies. */
    public List<MessageView> search(Filter f, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (f.processInstanceIds() != null) {
            if (f.processInstanceIds().isEmpty()) {
                return List.of();
            }
            // a batch's messages belong to the instance that sent the batch (a campaign's sends, sms-batch)
            where.append(" and (process_instance_id in (:pis) or batch_id in (select id from sms_batch where "
                    + "process_instance_id in (:pis)))");
            p.addValue("pis", f.processInstanceIds());
        }
        if (f.recipient() != null) {
            where.append(" and recipient = :r");
            p.addValue("r", f.recipient());
        }
        if (f.status() != null) {
            where.append(" and status = :s");
            p.addValue("s", f.status());
        }
        if (f.from() != null) {
            where.append(" and created_at >= :from");
            p.addValue("from", Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.append(" and created_at < :to");
            p.addValue("to", Timestamp.from(f.to()));
        }
        p.addValue("limit", Math.max(1, Math.min(limit, 500)));
        List<MessageView> rows = named.query("select " + COLUMNS + " from sms_message where " + where
                + " order by created_at desc, id desc limit :limit", p, (rs, i) -> map(rs));
        return withDetails(rows);
    }

    private List<MessageView> withDetails(List<MessageView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<String> ids = rows.stream().map(MessageView::id).toList();
        Map<String, List<PartView>> parts = new LinkedHashMap<>();
        named.query("select message_id, part_no, smsc_message_id, status, error_code, submitted_at, done_at "
                        + "from sms_part where message_id in (:ids) order by message_id, part_no",
                new MapSqlParameterSource("ids", ids), rs -> {
                    parts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new PartView(rs.getInt(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), instant(rs, 6), instant(rs, 7)));
                });
        Map<String, List<ReplyView>> replies = new LinkedHashMap<>();
        named.query("select c.sms_message_id, i.id, i.body, i.intent, i.received_at from sms_conversation c "
                        + "join sms_inbound i on i.id = c.inbound_id where c.sms_message_id in (:ids) "
                        + "order by i.received_at", new MapSqlParameterSource("ids", ids), rs -> {
                    replies.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ReplyView(
                            rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5)));
                });
        List<MessageView> out = new ArrayList<>(rows.size());
        for (MessageView m : rows) {
            List<PartView> ps = parts.get(m.id());
            if (ps == null) { // a single-part message keeps its SMSC id and receipt on the message itself
                ps = m.submittedAt() == null ? List.of() : List.of(new PartView(1, null, m.status(), m.errorCode(),
                        m.submittedAt(), m.doneAt()));
            }
            out.add(new MessageView(m.id(), m.processInstanceId(), m.businessKey(), m.activityId(), m.recipient(),
                    m.sender(), m.text(), m.textErasedAt(), m.category(), m.encoding(), m.parts(), m.status(),
                    m.errorCode(), m.errorText(), m.carrier(), m.routeRule(), m.country(), m.batchId(), m.consentId(),
                    m.createdAt(), m.submittedAt(), m.doneAt(), ps, replies.getOrDefault(m.id(), List.of())));
        }
        return out;
    }

    /** Messages per status created since {@code since}. */
    public Map<String, Integer> countsByStatus(Instant since) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.query("select status, count(*) from sms_message where created_at >= ? group by status order by status",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, Timestamp.from(since));
        return counts;
    }

    /**
     * Waiting to be sent (due_at is set only while queued, and indexed), and per carrier the messages of the last
     * {@code since} on the wire that wait for their receipts.
     */
    public Map<String, Integer> queueDepth(Instant since) {
        Map<String, Integer> depth = new LinkedHashMap<>();
        Integer queued = jdbc.queryForObject("select count(*) from sms_message where due_at is not null", Integer.class);
        depth.put("queued", queued == null ? 0 : queued);
        jdbc.query("select coalesce(carrier, 'default'), count(*) from sms_message where created_at >= ? "
                + "and status = 'SUBMITTED' group by coalesce(carrier, 'default') order by 1", rs -> {
                    depth.put("awaitingReceipt:" + rs.getString(1), rs.getInt(2));
                }, Timestamp.from(since));
        return depth;
    }

    private static MessageView map(ResultSet rs) throws SQLException {
        return new MessageView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getTimestamp(8) == null ? rs.getString(7) : null, instant(rs, 8), rs.getString(9),
                rs.getString(10), rs.getInt(11), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19),
                instant(rs, 20), instant(rs, 21), instant(rs, 22), List.of(), List.of());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
