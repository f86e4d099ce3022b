package io.smsflows.sms.receipt;

import io.smsflows.sms.outbox.SmsMessageRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** SQL for sms_receipt; every write is a JDBC batch. */
public class ReceiptRepository {

    /** Where a stored receipt stands. */
    public enum Status {
        /** Stored, not matched yet. */
        NEW,
        /** Left over from older versions (a lease of a matching thread); treated like NEW. */
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

    /** What matching decided for one receipt. */
    public record Outcome(String id, Status status, String messageId, Integer partNo, int attempts, Instant nextAttemptAt) {
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

    /** Inserts receipts as received (not matched yet), in one JDBC batch (the caller's transaction). */
    public void insertAll(List<StoredReceipt> receipts) {
        insertAll(receipts, receipts.stream().map(s -> new Outcome(s.id(), s.status(), null, null, 0,
                s.receivedAt())).toList());
    }

    /** Inserts receipts with what matching decided for each (same order), in one JDBC batch. */
    public void insertAll(List<StoredReceipt> receipts, List<Outcome> outcomes) {
        List<Object[]> rows = new java.util.ArrayList<>(receipts.size());
        for (int i = 0; i < receipts.size(); i++) {
            StoredReceipt s = receipts.get(i);
            Outcome o = outcomes.get(i);
            DeliveryReceipt r = s.receipt();
            rows.add(new Object[] {s.id(), r.smscMessageId(), cut(r.rawMessageId(), 80), r.state().name(),
                cut(r.errorCode(), 32), ts(r.submitDate()), ts(r.doneDate()), cut(r.sourceAddr(), 32),
                cut(r.destAddr(), 32), cut(r.rawText(), 1000), ts(s.receivedAt()), o.status().name(), o.attempts(),
                ts(o.nextAttemptAt()), o.messageId(), o.partNo()});
        }
        jdbc.batchUpdate("insert into sms_receipt (id, smsc_message_id, raw_message_id, state, error_code, submit_date, "
                + "done_date, source_addr, dest_addr, raw_text, received_at, status, attempts, next_attempt_at, "
                + "message_id, part_no) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    public Optional<StoredReceipt> findById(String id) {
        return jdbc.query("select * from sms_receipt where id = ?", ROW, id).stream().findFirst();
    }

    /**
     * Writes what matching decided. Guarded: a receipt another node finished meanwhile is left alone. Returns per
     * outcome whether it was written.
     */
    public boolean[] finishAll(List<Outcome> outcomes) {
        boolean[] written = new boolean[outcomes.size()];
        int offset = 0;
        for (List<Outcome> chunk : SmsMessageRepository.chunks(outcomes)) {
            int[] counts = jdbc.batchUpdate("update sms_receipt set status = ?, message_id = ?, part_no = ?, "
                    + "attempts = ?, next_attempt_at = ? where id = ? and status in ('NEW', 'MATCHING', 'UNMATCHED')",
                    chunk.stream().map(o -> new Object[] {o.status().name(), o.messageId(), o.partNo(), o.attempts(),
                        ts(o.nextAttemptAt()), o.id()}).toList());
            for (int i = 0; i < counts.length; i++) {
                written[offset + i] = counts[i] != 0;
            }
            offset += chunk.size();
        }
        return written;
    }

    /** Receipts to (re)match now: new ones nobody matched (e.g. after a restart), early ones, old leases. */
    public List<StoredReceipt> due(Instant now, int limit) {
        return jdbc.query("select * from sms_receipt where status in ('NEW', 'UNMATCHED', 'MATCHING') "
                + "and next_attempt_at <= ? order by next_attempt_at fetch first " + limit + " rows only", ROW, ts(now));
    }

    /** Unfinished receipts whose id is one of these (early receipts, when their parts get ids). */
    public List<StoredReceipt> waitingFor(Collection<String> smscIds) {
        List<StoredReceipt> found = new ArrayList<>();
        for (List<String> chunk : SmsMessageRepository.chunks(smscIds)) {
            found.addAll(named.query("select * from sms_receipt where smsc_message_id in (:ids) "
                    + "and status in ('NEW', 'UNMATCHED')", new MapSqlParameterSource("ids", chunk), ROW));
        }
        return found;
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
