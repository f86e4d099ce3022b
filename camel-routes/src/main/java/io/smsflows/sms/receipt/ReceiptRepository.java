package io.smsflows.sms.receipt;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** SQL for sms_receipt. */
public class ReceiptRepository {

    /** Where a stored receipt stands. */
    public enum Status {
        /** Stored, not matched yet. */
        NEW,
        /** Being matched by a thread (lease in next_attempt_at). */
        MATCHING,
        /** No part with that SMSC id yet (early receipt): matched again later. */
        UNMATCHED,
        /** Changed its part. */
        APPLIED,
        /** Its part already had a final state: changed nothing. */
        DUPLICATE,
        /** No part matched within the match window, or no id at all: kept for operators. */
        ORPHAN
    }

    /** A stored receipt. */
    public record StoredReceipt(String id, DeliveryReceipt receipt, Status status, int attempts, Instant receivedAt) {
    }

    private static final RowMapper<StoredReceipt> ROW = (rs, i) -> new StoredReceipt(rs.getString("id"),
            new DeliveryReceipt(rs.getString("smsc_message_id"), rs.getString("raw_message_id"),
                    ReceiptState.valueOf(rs.getString("state")), rs.getString("error_code"),
                    instant(rs.getTimestamp("submit_date")), instant(rs.getTimestamp("done_date")),
                    rs.getString("source_addr"), rs.getString("dest_addr"), rs.getString("raw_text")),
            Status.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs.getTimestamp("received_at")));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public ReceiptRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    public void insert(String id, DeliveryReceipt r, Instant receivedAt, Status status) {
        jdbc.update("insert into sms_receipt (id, smsc_message_id, raw_message_id, state, error_code, submit_date, "
                        + "done_date, source_addr, dest_addr, raw_text, received_at, status, attempts, next_attempt_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                id, r.smscMessageId(), cut(r.rawMessageId(), 80), r.state().name(), cut(r.errorCode(), 32),
                ts(r.submitDate()), ts(r.doneDate()), cut(r.sourceAddr(), 32), cut(r.destAddr(), 32),
                cut(r.rawText(), 1000), ts(receivedAt), status.name(), ts(receivedAt));
    }

    public Optional<StoredReceipt> findById(String id) {
        return jdbc.query("select * from sms_receipt where id = ?", ROW, id).stream().findFirst();
    }

    /** Takes a receipt for matching; false if another thread has it or it is done. */
    public boolean claim(String id, Instant now, Instant leaseUntil) {
        return jdbc.update("update sms_receipt set status = 'MATCHING', next_attempt_at = ? where id = ? and "
                + "(status in ('NEW', 'UNMATCHED') or (status = 'MATCHING' and next_attempt_at < ?))",
                ts(leaseUntil), id, ts(now)) == 1;
    }

    public void finish(String id, Status status, String messageId, Integer partNo) {
        jdbc.update("update sms_receipt set status = ?, message_id = ?, part_no = ?, next_attempt_at = null "
                + "where id = ?", status.name(), messageId, partNo, id);
    }

    public void unmatched(String id, int attempts, Instant nextAttemptAt) {
        jdbc.update("update sms_receipt set status = 'UNMATCHED', attempts = ?, next_attempt_at = ? where id = ?",
                attempts, ts(nextAttemptAt), id);
    }

    /** Receipts to (re)match now: new ones nobody processed (e.g. after a restart), early ones, stale leases. */
    public List<String> due(Instant now, int limit) {
        return jdbc.queryForList("select id from sms_receipt where status in ('NEW', 'UNMATCHED', 'MATCHING') "
                + "and next_attempt_at <= ? order by next_attempt_at fetch first " + limit + " rows only",
                String.class, ts(now));
    }

    /** Unfinished receipts whose id is one of these (to match early receipts when a part gets its id). */
    public List<String> waitingFor(Collection<String> smscIds) {
        return named.queryForList("select id from sms_receipt where smsc_message_id in (:ids) "
                + "and status in ('NEW', 'UNMATCHED')", new MapSqlParameterSource("ids", smscIds), String.class);
    }

    public List<StoredReceipt> forMessage(String messageId) {
        return jdbc.query("select * from sms_receipt where message_id = ? order by received_at", ROW, messageId);
    }

    public int count(Status status) {
        Integer n = jdbc.queryForObject("select count(*) from sms_receipt where status = ?", Integer.class, status.name());
        return n == null ? 0 : n;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
