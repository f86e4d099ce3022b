package io.smsflows.sms.inbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SQL for sms_inbound: every mobile-originated message, stored before it is acknowledged, then processed by
 * {@link io.smsflows.sms.reply.ReplyProcessor}. Claims are guarded UPDATEs, so nodes of a cluster never process one
 * row twice; a claim left by a crashed node runs out ({@code next_attempt_at}) and is taken again.
 */
public class InboundMessageRepository {

    private static final String COLUMNS = "id, source_addr, dest_addr, body, data_coding, kind, status, reason, "
            + "concat_ref, concat_total, concat_seq, received_at, attempts";

    private final JdbcTemplate jdbc;

    public InboundMessageRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(InboundMessage m, String rawHex, String fingerprint) {
        jdbc.update("insert into sms_inbound (id, source_addr, dest_addr, body, data_coding, raw_hex, received_at, "
                        + "status, reason, kind, fingerprint, concat_ref, concat_total, concat_seq, attempts) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", m.id(), m.from(), m.to(), m.text(),
                m.dataCoding(), rawHex == null || rawHex.length() <= 2000 ? rawHex : rawHex.substring(0, 2000),
                Timestamp.from(m.receivedAt()), m.status(), cut(m.reason()), m.kind(), fingerprint, m.concatRef(),
                m.concatTotal(), m.concatSeq());
    }

    /** True if the same octets from the same sender to the same number were stored since {@code since}. */
    /** The earlier copy of a message: when it came, and the conversation it answered (null: none, or not yet). */
    public record EarlierCopy(Instant receivedAt, String conversationId) {
    }

    /** The latest message with this fingerprint received (not as a duplicate) since {@code since}, if any. */
    public Optional<EarlierCopy> lastSeenSince(String fingerprint, Instant since) {
        return jdbc.query("select received_at, conversation_id from sms_inbound where fingerprint = ? "
                        + "and received_at >= ? and status <> 'DUPLICATE' order by received_at desc",
                (rs, i) -> new EarlierCopy(rs.getTimestamp(1).toInstant(), rs.getString(2)),
                fingerprint, Timestamp.from(since)).stream().findFirst();
    }

    public Optional<InboundMessage> find(String id) {
        return jdbc.query("select " + COLUMNS + " from sms_inbound where id = ?", this::map, id).stream().findFirst();
    }

    /** Claims up to {@code limit} due rows for processing until {@code leaseUntil}; returns the claimed ones. */
    public List<InboundMessage> claimDue(Instant now, Instant leaseUntil, int limit) {
        Timestamp ts = Timestamp.from(now);
        List<InboundMessage> due = jdbc.query("select " + COLUMNS + " from sms_inbound where status in "
                + "('NEW', 'RETRY', 'PROCESSING') and (next_attempt_at is null or next_attempt_at <= ?) "
                + "order by received_at fetch first " + limit + " rows only", this::map, ts);
        List<InboundMessage> claimed = new ArrayList<>();
        for (InboundMessage m : due) {
            int n = jdbc.update("update sms_inbound set status = 'PROCESSING', next_attempt_at = ? where id = ? "
                    + "and status = ? and (next_attempt_at is null or next_attempt_at <= ?)", Timestamp.from(leaseUntil),
                    m.id(), m.status(), ts);
            if (n == 1) {
                claimed.add(m);
            }
        }
        return claimed;
    }

    /** Parts of one concatenated message (same sender, recipient, reference and total) not yet assembled. */
    public List<InboundMessage> siblings(InboundMessage part, Instant since) {
        return jdbc.query("select " + COLUMNS + " from sms_inbound where kind = 'PART' and source_addr = ? "
                        + "and dest_addr = ? and concat_ref = ? and concat_total = ? and received_at >= ? "
                        + "and status in ('NEW', 'RETRY', 'PROCESSING', 'WAITING') order by concat_seq, received_at",
                this::map, part.from(), part.to(), part.concatRef(), part.concatTotal(), Timestamp.from(since));
    }

    /** Parts that waited longer than the reassembly timeout. */
    public List<InboundMessage> waitingSince(Instant before) {
        return jdbc.query("select " + COLUMNS + " from sms_inbound where status = 'WAITING' and received_at < ? "
                + "order by received_at", this::map, Timestamp.from(before));
    }

    /** Moves the given parts to ASSEMBLED; returns how many moved (fewer: another node assembled them). */
    public int assembled(List<String> partIds, String messageId) {
        int n = 0;
        for (String id : partIds) {
            n += jdbc.update("update sms_inbound set status = 'ASSEMBLED', assembled_id = ?, next_attempt_at = null "
                    + "where id = ? and status in ('NEW', 'RETRY', 'PROCESSING', 'WAITING')", messageId, id);
        }
        return n;
    }

    public void waiting(String id) {
        jdbc.update("update sms_inbound set status = 'WAITING', next_attempt_at = null where id = ? "
                + "and status = 'PROCESSING'", id);
    }

    public void done(String id, String status, String normalised, String intent, String conversationId, String reason) {
        jdbc.update("update sms_inbound set status = ?, normalised_text = ?, intent = ?, conversation_id = ?, "
                        + "reason = coalesce(?, reason), next_attempt_at = null where id = ?", status,
                normalised == null || normalised.length() <= 1000 ? normalised : normalised.substring(0, 1000),
                intent, conversationId, cut(reason), id);
    }

    public void retry(String id, int attempts, Instant next, String reason) {
        jdbc.update("update sms_inbound set status = 'RETRY', attempts = ?, next_attempt_at = ?, reason = ? where id = ?",
                attempts, Timestamp.from(next), cut(reason), id);
    }

    private InboundMessage map(ResultSet rs, int row) throws SQLException {
        return new InboundMessage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), rs.getString(7), rs.getString(8), (Integer) rs.getObject(9),
                (Integer) rs.getObject(10), (Integer) rs.getObject(11), rs.getTimestamp(12).toInstant(), rs.getInt(13));
    }

    private static String cut(String reason) {
        return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
    }
}
