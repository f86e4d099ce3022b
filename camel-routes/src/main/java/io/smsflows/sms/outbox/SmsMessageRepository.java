package io.smsflows.sms.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * SQL for sms_message and sms_part. Portable between H2 and PostgreSQL; every state change is a guarded UPDATE
 * (compare-and-set on status), so several nodes on one database never take the same row or undo a final state.
 */
public class SmsMessageRepository {

    private static final String COLUMNS = "id, idempotency_key, process_instance_id, business_key, activity_id, "
            + "delivered_message, failed_message, recipient, sender, body, category, encoding, parts, status, attempts, "
            + "concat_ref, error_code, error_text, created_at, submitted_at, done_at, notify_attempts";

    private static final RowMapper<SmsMessage> MESSAGE = (rs, i) -> new SmsMessage(
            rs.getString("id"), rs.getString("idempotency_key"), rs.getString("process_instance_id"),
            rs.getString("business_key"), rs.getString("activity_id"), rs.getString("delivered_message"),
            rs.getString("failed_message"), rs.getString("recipient"), rs.getString("sender"), rs.getString("body"),
            rs.getString("category"), rs.getString("encoding"), (Integer) rs.getObject("parts"),
            MessageStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), (Integer) rs.getObject("concat_ref"),
            rs.getString("error_code"), rs.getString("error_text"), instant(rs, "created_at"),
            instant(rs, "submitted_at"), instant(rs, "done_at"), rs.getInt("notify_attempts"));

    private static final RowMapper<SmsPart> PART = (rs, i) -> new SmsPart(
            rs.getString("message_id"), rs.getInt("part_no"), rs.getString("smsc_message_id"),
            PartStatus.valueOf(rs.getString("status")), rs.getString("error_code"), instant(rs, "submitted_at"),
            instant(rs, "done_at"));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public SmsMessageRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public Optional<SmsMessage> findById(String id) {
        return jdbc.query("select " + COLUMNS + " from sms_message where id = ?", MESSAGE, id).stream().findFirst();
    }

    public Optional<SmsMessage> findByIdempotencyKey(String key) {
        return jdbc.query("select " + COLUMNS + " from sms_message where idempotency_key = ?", MESSAGE, key)
                .stream().findFirst();
    }

    public List<SmsMessage> findByProcessInstance(String processInstanceId) {
        return jdbc.query("select " + COLUMNS + " from sms_message where process_instance_id = ? order by created_at",
                MESSAGE, processInstanceId);
    }

    public void insert(SmsMessage m, boolean smartReplacement, boolean notifyProcess) {
        jdbc.update("insert into sms_message (id, idempotency_key, process_instance_id, business_key, activity_id, "
                        + "delivered_message, failed_message, recipient, sender, body, category, encoding, parts, "
                        + "smart_replacement, status, attempts, next_attempt_at, created_at, notify_status) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                m.id(), m.idempotencyKey(), m.processInstanceId(), m.businessKey(), m.activityId(),
                m.deliveredMessage(), m.failedMessage(), m.recipient(), m.sender(), m.body(), m.category(),
                m.encoding(), m.parts(), smartReplacement, MessageStatus.QUEUED.name(), ts(m.createdAt()),
                ts(m.createdAt()), notifyProcess ? "WAITING" : "NONE");
    }

    public boolean smartReplacement(String id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select smart_replacement from sms_message where id = ?",
                Boolean.class, id));
    }

    /**
     * Claims due rows for this node: QUEUED rows whose time has come, and SENDING rows whose lease ran out (their
     * node died or restarted). Returns the ids this node now owns.
     */
    public List<String> claimDue(String nodeId, Instant now, Instant leaseUntil, int limit) {
        List<String> candidates = jdbc.queryForList(
                "select id from sms_message where (status = 'QUEUED' and next_attempt_at <= ?) "
                        + "or (status = 'SENDING' and claimed_until < ?) order by next_attempt_at fetch first "
                        + limit + " rows only", String.class, ts(now), ts(now));
        if (candidates.isEmpty()) {
            return candidates;
        }
        int[] updated = jdbc.batchUpdate("update sms_message set status = 'SENDING', claimed_by = ?, claimed_until = ? "
                        + "where id = ? and ((status = 'QUEUED' and next_attempt_at <= ?) "
                        + "or (status = 'SENDING' and claimed_until < ?))",
                candidates.stream().map(id -> new Object[] {nodeId, ts(leaseUntil), id, ts(now), ts(now)}).toList());
        List<String> claimed = new java.util.ArrayList<>(candidates.size());
        for (int i = 0; i < updated.length; i++) {
            // Some drivers report SUCCESS_NO_INFO (-2) for batches; re-check ownership then.
            if (updated[i] == 1 || (updated[i] < 0 && isClaimedBy(candidates.get(i), nodeId))) {
                claimed.add(candidates.get(i));
            }
        }
        return claimed;
    }

    private boolean isClaimedBy(String id, String nodeId) {
        Integer n = jdbc.queryForObject("select count(*) from sms_message where id = ? and status = 'SENDING' "
                + "and claimed_by = ?", Integer.class, id, nodeId);
        return n != null && n == 1;
    }

    public void setConcatRef(String id, int ref) {
        jdbc.update("update sms_message set concat_ref = ? where id = ? and concat_ref is null", ref, id);
    }

    public List<SmsPart> parts(String messageId) {
        return jdbc.query("select * from sms_part where message_id = ? order by part_no", PART, messageId);
    }

    public void insertParts(String messageId, int count) {
        jdbc.batchUpdate("insert into sms_part (message_id, part_no, status) values (?, ?, 'PENDING')",
                java.util.stream.IntStream.rangeClosed(1, count)
                        .mapToObj(n -> new Object[] {messageId, n}).toList());
    }

    public void partSubmitted(String messageId, int partNo, String smscMessageId, Instant at) {
        jdbc.update("update sms_part set smsc_message_id = ?, submitted_at = ?, status = case when status = 'PENDING' "
                + "then 'SUBMITTED' else status end where message_id = ? and part_no = ?",
                smscMessageId, ts(at), messageId, partNo);
    }

    public void partRefused(String messageId, int partNo, String errorCode, Instant at) {
        jdbc.update("update sms_part set status = 'FAILED', error_code = ?, done_at = ? where message_id = ? "
                + "and part_no = ? and status in ('PENDING', 'SUBMITTED')", errorCode, ts(at), messageId, partNo);
    }

    /** Applies a final receipt state to a part; false if the part was already final (duplicate receipt). */
    public boolean partDone(String messageId, int partNo, PartStatus status, String errorCode, Instant doneAt) {
        return jdbc.update("update sms_part set status = ?, error_code = ?, done_at = ? where message_id = ? "
                        + "and part_no = ? and status in ('PENDING', 'SUBMITTED')",
                status.name(), errorCode, ts(doneAt), messageId, partNo) == 1;
    }

    public List<SmsPart> partsBySmscIds(Collection<String> smscIds) {
        return named.query("select * from sms_part where smsc_message_id in (:ids)",
                new MapSqlParameterSource("ids", smscIds), PART);
    }

    /** Back to the queue after a transient failure. */
    public void requeue(String id, int attempts, Instant nextAttemptAt, String errorCode, String errorText) {
        jdbc.update("update sms_message set status = 'QUEUED', attempts = ?, next_attempt_at = ?, claimed_by = null, "
                        + "claimed_until = null, error_code = ?, error_text = ? where id = ? and status = 'SENDING'",
                attempts, ts(nextAttemptAt), errorCode, truncate(errorText), id);
    }

    /** Final failure (refused, retries exhausted): the outcome is handed to the process. */
    public boolean fail(String id, MessageStatus status, String errorCode, String errorText, Instant at) {
        return jdbc.update("update sms_message set status = ?, error_code = ?, error_text = ?, done_at = ?, "
                        + "claimed_by = null, claimed_until = null, notify_status = case when notify_status = 'WAITING' "
                        + "then 'PENDING' else notify_status end, notify_next_at = ? "
                        + "where id = ? and status not in ('DELIVERED', 'FAILED', 'EXPIRED')",
                status.name(), errorCode, truncate(errorText), ts(at), ts(at), id) == 1;
    }

    /**
     * Derives the message status from its parts: DELIVERED when every part is, FAILED when any part failed,
     * SUBMITTED when every part has an SMSC id. Never leaves a final state. Returns the status now stored.
     */
    public MessageStatus refresh(String id, Instant now) {
        List<SmsPart> parts = parts(id);
        if (parts.isEmpty()) {
            return findById(id).map(SmsMessage::status).orElse(null);
        }
        SmsPart failed = parts.stream().filter(p -> p.status() == PartStatus.FAILED).findFirst().orElse(null);
        if (failed != null) {
            fail(id, MessageStatus.FAILED, failed.errorCode(),
                    "part " + failed.partNo() + " of " + parts.size() + " failed", now);
        } else if (parts.stream().allMatch(p -> p.status() == PartStatus.DELIVERED)) {
            Instant doneAt = parts.stream().map(SmsPart::doneAt).filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo).orElse(now);
            jdbc.update("update sms_message set status = 'DELIVERED', done_at = ?, claimed_by = null, "
                    + "claimed_until = null, submitted_at = coalesce(submitted_at, ?), error_code = null, "
                    + "error_text = null, notify_status = case when notify_status = 'WAITING' then 'PENDING' "
                    + "else notify_status end, notify_next_at = ? "
                    + "where id = ? and status not in ('DELIVERED', 'FAILED', 'EXPIRED')",
                    ts(doneAt), ts(now), ts(now), id);
        } else if (parts.stream().allMatch(p -> p.smscMessageId() != null)) {
            jdbc.update("update sms_message set status = 'SUBMITTED', submitted_at = ?, claimed_by = null, "
                    + "claimed_until = null where id = ? and status = 'SENDING'", ts(now), id);
        }
        return findById(id).map(SmsMessage::status).orElse(null);
    }

    /** Submitted messages whose receipts did not all come within the timeout. */
    public List<String> overdue(Instant submittedBefore, int limit) {
        return jdbc.queryForList("select id from sms_message where status = 'SUBMITTED' and submitted_at < ? "
                + "fetch first " + limit + " rows only", String.class, ts(submittedBefore));
    }

    // --- outcomes for the process engine -------------------------------------------------------------------

    /** Claims outcomes due for handing to the engine (lease via notify_next_at). */
    public List<SmsMessage> claimOutcomes(Instant now, Instant leaseUntil, int limit) {
        List<SmsMessage> due = jdbc.query("select " + COLUMNS + " from sms_message where notify_status = 'PENDING' "
                + "and notify_next_at <= ? order by notify_next_at fetch first " + limit + " rows only",
                MESSAGE, ts(now));
        return due.stream().filter(m -> jdbc.update("update sms_message set notify_next_at = ? where id = ? "
                + "and notify_status = 'PENDING' and notify_next_at <= ?", ts(leaseUntil), m.id(), ts(now)) == 1)
                .toList();
    }

    public void outcomeDone(String id, String notifyStatus) {
        jdbc.update("update sms_message set notify_status = ?, notify_next_at = null where id = ?", notifyStatus, id);
    }

    public void outcomeRetry(String id, int attempts, Instant nextAt) {
        jdbc.update("update sms_message set notify_attempts = ?, notify_next_at = ? where id = ?", attempts, ts(nextAt), id);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
