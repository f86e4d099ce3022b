package io.smsflows.sms.batch;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** SQL for sms_batch and sms_batch_rejection; the counts of a batch come from its messages. */
public class BatchRepository {

    /** A row of sms_batch with its counters. */
    public record BatchRow(String id, String idempotencyKey, BatchState state, String category, String sender,
                           String processInstanceId, String businessKey, String completedMessage, Instant createdAt,
                           int total, int accepted, int rejected, Instant doneAt, Instant cancelledAt,
                           int notifyAttempts, int queued, int submitted, int delivered, int failed, int expired,
                           int suppressed, int cancelled, long parts, BigDecimal cost, boolean priced,
                           Instant firstSubmittedAt, Instant lastDoneAt) {

        /** No message of the batch is waiting or on its way. */
        public boolean settled() {
            return queued == 0 && submitted == 0;
        }
    }

    private static final String COLUMNS = "id, idempotency_key, state, category, sender, process_instance_id, "
            + "business_key, completed_message, created_at, total_rows, accepted, rejected, done_at, cancelled_at, "
            + "notify_attempts, queued, submitted, delivered, failed, expired, suppressed, cancelled, parts, cost, "
            + "priced, first_submitted_at, last_done_at";

    private static final RowMapper<BatchRow> ROW = (rs, i) -> new BatchRow(rs.getString(1), rs.getString(2),
            BatchState.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), instant(rs, 9), rs.getInt(10), rs.getInt(11), rs.getInt(12), instant(rs, 13),
            instant(rs, 14), rs.getInt(15), rs.getInt(16), rs.getInt(17), rs.getInt(18), rs.getInt(19),
            rs.getInt(20), rs.getInt(21), rs.getInt(22), rs.getLong(23), rs.getBigDecimal(24), rs.getBoolean(25),
            instant(rs, 26), instant(rs, 27));

    private final JdbcTemplate jdbc;

    public BatchRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    public void insert(String id, String idempotencyKey, BatchRequest r, String category, Instant now) {
        jdbc.update("insert into sms_batch (id, idempotency_key, state, category, sender, text, template, locale, "
                        + "smart_replacement, process_instance_id, business_key, activity_id, completed_message, "
                        + "created_by, created_at, total_rows, accepted, rejected) "
                        + "values (?, ?, 'ACCEPTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0)",
                id, idempotencyKey, category, r.sender(), r.text(), r.template(), r.locale(), r.smartReplacement(),
                r.processInstanceId(), r.businessKey(), r.activityId(), r.completedMessage(), r.createdBy(), ts(now));
    }

    /**
     * The counts of an accepted batch: {@code queued} to send, {@code suppressed} refused at once because the number
     * opted out. A batch with nothing to send is done at once.
     */
    public void accepted(String id, int total, int accepted, int rejected, int queued, int suppressed, Instant now) {
        boolean nothingToSend = queued == 0;
        jdbc.update("update sms_batch set total_rows = ?, accepted = ?, rejected = ?, queued = ?, suppressed = ?, "
                        + "state = ?, done_at = ?, last_done_at = ?, "
                        + "notify_status = case when ? and process_instance_id is not null then 'PENDING' "
                        + "else notify_status end, notify_next_at = ? where id = ?",
                total, accepted, rejected, queued, suppressed,
                nothingToSend ? BatchState.DONE.name() : BatchState.ACCEPTED.name(), nothingToSend ? ts(now) : null,
                suppressed > 0 ? ts(now) : null, nothingToSend, ts(now), id);
    }

    /** Writes counter changes in the current transaction (see {@link BatchCounters}). */
    public void apply(BatchCounters counters, Instant now) {
        counters.apply(jdbc, now);
    }

    public void insertRejections(String batchId, List<BatchRejection> rejections) {
        jdbc.batchUpdate("insert into sms_batch_rejection (batch_id, row_index, recipient, reason) values (?, ?, ?, ?)",
                rejections.stream().map(r -> new Object[] {batchId, r.index(), cut(r.to(), 64), cut(r.reason(), 1000)})
                        .toList());
    }

    public List<BatchRejection> rejections(String batchId, int offset, int limit) {
        return jdbc.query("select row_index, recipient, reason from sms_batch_rejection where batch_id = ? "
                        + "order by row_index offset " + offset + " rows fetch first " + limit + " rows only",
                (rs, i) -> new BatchRejection(rs.getInt(1), rs.getString(2), rs.getString(3)), batchId);
    }

    public Optional<BatchRow> findById(String id) {
        return jdbc.query("select " + COLUMNS + " from sms_batch where id = ?", ROW, id).stream().findFirst();
    }

    public Optional<BatchRow> findByIdempotencyKey(String key) {
        return jdbc.query("select " + COLUMNS + " from sms_batch where idempotency_key = ?", ROW, key).stream()
                .findFirst();
    }

    /** The status of a batch: its row, counters included. */
    public BatchStatus status(BatchRow b, String currency) {
        return new BatchStatus(b.id(), b.state(), b.category(), b.sender(), b.businessKey(), b.processInstanceId(),
                b.total(), b.accepted(), b.rejected(), b.queued(), b.submitted(), b.delivered(), b.failed(),
                b.expired(), b.suppressed(), b.cancelled(), b.parts(), b.priced() ? b.cost() : null, currency,
                b.createdAt(), b.firstSubmittedAt(), b.lastDoneAt(), b.doneAt(), b.cancelledAt(), null, null, null, null);
    }

    /**
     * Adds the messages of a batch waiting for their sending window (and the earliest opening) and those that failed
     * for want of consent. Reads the batch's rows: asked for by a caller, not polled.
     */
    public BatchStatus withDetails(BatchStatus status) {
        int[] deferred = {0};
        int[] noConsent = {0};
        int[] capped = {0};
        Instant[] next = {null};
        jdbc.query("select error_code, count(*), min(next_attempt_at) from sms_message where batch_id = ? "
                + "and ((error_code = 'DEFERRED' and status = 'QUEUED') or (error_code in ('NO_CONSENT', 'CAPPED') "
                + "and status = 'FAILED')) group by error_code", rs -> {
                    switch (rs.getString(1)) {
                        case "DEFERRED" -> {
                            deferred[0] = rs.getInt(2);
                            next[0] = rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant();
                        }
                        case "NO_CONSENT" -> noConsent[0] = rs.getInt(2);
                        default -> capped[0] = rs.getInt(2);
                    }
                }, status.id());
        return status.withDetails(deferred[0], next[0], noConsent[0], capped[0]);
    }

    /**
     * The counts of a batch counted again from its messages, one grouped query over all of them: for checking the
     * counters (tests, support), not for polling (it reads every row of the batch).
     */
    public Map<String, Integer> recount(String id) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.query("select status, case when error_code = 'SUPPRESSED' then 1 else 0 end, count(*) from sms_message "
                        + "where batch_id = ? group by status, case when error_code = 'SUPPRESSED' then 1 else 0 end",
                rs -> {
                    String status = rs.getString(1);
                    String key = switch (status) {
                        case "QUEUED", "SENDING" -> "queued";
                        case "FAILED" -> rs.getInt(2) == 1 ? "suppressed" : "failed";
                        default -> status.toLowerCase(java.util.Locale.ROOT);
                    };
                    counts.merge(key, rs.getInt(3), Integer::sum);
                }, id);
        return counts;
    }

    /** Cancels a running batch; false if it had ended or was cancelled already. */
    public boolean cancel(String id, Instant now) {
        return jdbc.update("update sms_batch set state = 'CANCELLED', cancelled_at = ? where id = ? "
                + "and state in ('ACCEPTED', 'SENDING')", ts(now), id) == 1;
    }

    /** Messages of a cancelled batch that are still waiting in the queue never go out (counted at once). */
    public int cancelQueued(String id, Instant now) {
        int cancelled = jdbc.update("update sms_message set status = 'CANCELLED', error_code = 'CANCELLED', "
                + "error_text = 'batch cancelled', done_at = ?, due_at = null where batch_id = ? and status = 'QUEUED'",
                ts(now), id);
        jdbc.update("update sms_batch set queued = queued - ?, cancelled = cancelled + ?, "
                + "last_done_at = case when ? > 0 then ? else last_done_at end where id = ?", cancelled, cancelled,
                cancelled, ts(now), id);
        return cancelled;
    }

    /** Batches that have not ended: running, or cancelled with messages still in flight. */
    public List<BatchRow> running() {
        return jdbc.query("select " + COLUMNS + " from sms_batch where state in ('ACCEPTED', 'SENDING') "
                + "or (state = 'CANCELLED' and done_at is null)", ROW);
    }

    public void sending(String id) {
        jdbc.update("update sms_batch set state = 'SENDING' where id = ? and state = 'ACCEPTED'", id);
    }

    /** The batch ended; its process (if any) is told. */
    public boolean ended(String id, Instant now) {
        return jdbc.update("update sms_batch set state = case when state = 'CANCELLED' then state else 'DONE' end, "
                + "done_at = ?, notify_status = case when process_instance_id is null then notify_status "
                + "else 'PENDING' end, notify_next_at = ? where id = ? and done_at is null", ts(now), ts(now), id) == 1;
    }

    /** Ended batches whose process is still to be told. */
    public List<BatchRow> dueNotifications(Instant now, int limit) {
        return jdbc.query("select " + COLUMNS + " from sms_batch where notify_status = 'PENDING' "
                + "and notify_next_at <= ? order by notify_next_at fetch first " + limit + " rows only", ROW, ts(now));
    }

    /** Takes the notification of a batch for this node (a lease); false if another node has it. */
    public boolean claimNotification(String id, Instant now, Instant leaseUntil) {
        return jdbc.update("update sms_batch set notify_next_at = ? where id = ? and notify_status = 'PENDING' "
                + "and notify_next_at <= ?", ts(leaseUntil), id, ts(now)) == 1;
    }

    public void notified(String id, String notifyStatus) {
        jdbc.update("update sms_batch set notify_status = ?, notify_next_at = null where id = ?", notifyStatus, id);
    }

    public void notifyLater(String id, int attempts, Instant next) {
        jdbc.update("update sms_batch set notify_attempts = ?, notify_next_at = ? where id = ?", attempts, ts(next), id);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
