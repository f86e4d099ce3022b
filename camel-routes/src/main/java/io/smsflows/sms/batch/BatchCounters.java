package io.smsflows.sms.batch;

import io.smsflows.sms.outbox.MessageStatus;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The changes one transaction makes to its batches' counters, written in that same transaction: so the counts of
 * a batch are always those of its messages, and reading a batch's status is reading one row, however large the
 * batch. Each stage records the moves it made (from the status a message had to the one it has now, only for rows
 * its guarded updates really changed) and applies them once, in batch id order (two transactions never wait for
 * each other's batch rows in a cycle).
 */
public final class BatchCounters {

    private static final int QUEUED = 0;
    private static final int SUBMITTED = 1;
    private static final int DELIVERED = 2;
    private static final int FAILED = 3;
    private static final int EXPIRED = 4;
    private static final int SUPPRESSED = 5;
    private static final int CANCELLED = 6;

    private final Map<String, Delta> deltas = new TreeMap<>();

    private static final class Delta {
        final long[] counts = new long[7];
        long parts;
        BigDecimal cost = BigDecimal.ZERO;
        boolean unpriced;
        boolean submitted;
        boolean finished;
    }

    private Delta of(String batchId) {
        return deltas.computeIfAbsent(batchId, k -> new Delta());
    }

    /**
     * A message of {@code batchId} moved from {@code from} to {@code to}; {@code suppressed} when it failed because
     * its number opted out. Ignored for messages outside batches (null batch id).
     */
    public void moved(String batchId, MessageStatus from, MessageStatus to, boolean suppressed) {
        if (batchId == null || from == to) {
            return;
        }
        Delta d = of(batchId);
        d.counts[bucket(from, false)]--;
        d.counts[bucket(to, suppressed)]++;
        if (to == MessageStatus.SUBMITTED) {
            d.submitted = true;
        }
        if (to.isFinal()) {
            d.finished = true;
        }
    }

    /** Parts of a batch's message the SMSC accepted (what the carrier bills), priced by the recipient's country. */
    public void partsAccepted(String batchId, int parts, String country, Function<String, BigDecimal> pricePerPart) {
        if (batchId == null || parts == 0) {
            return;
        }
        Delta d = of(batchId);
        d.parts += parts;
        d.submitted = true;
        BigDecimal price = pricePerPart.apply(country);
        if (price == null) {
            d.unpriced = true;
        } else {
            d.cost = d.cost.add(price.multiply(BigDecimal.valueOf(parts)));
        }
    }

    public boolean isEmpty() {
        return deltas.isEmpty();
    }

    /** Writes the changes in the current transaction. */
    public void apply(JdbcTemplate jdbc, Instant now) {
        if (deltas.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        List<Object[]> rows = new ArrayList<>(deltas.size());
        deltas.forEach((id, d) -> rows.add(new Object[] {d.counts[QUEUED], d.counts[SUBMITTED], d.counts[DELIVERED],
            d.counts[FAILED], d.counts[EXPIRED], d.counts[SUPPRESSED], d.counts[CANCELLED], d.parts, d.cost,
            !d.unpriced, d.submitted ? at : null, d.finished ? at : null, id}));
        jdbc.batchUpdate("update sms_batch set queued = queued + ?, submitted = submitted + ?, "
                + "delivered = delivered + ?, failed = failed + ?, expired = expired + ?, suppressed = suppressed + ?, "
                + "cancelled = cancelled + ?, parts = parts + ?, cost = cost + ?, priced = priced and ?, "
                + "first_submitted_at = coalesce(first_submitted_at, ?), last_done_at = coalesce(?, last_done_at) "
                + "where id = ?", rows);
        deltas.clear();
    }

    private static int bucket(MessageStatus status, boolean suppressed) {
        return switch (status) {
            case QUEUED, SENDING -> QUEUED;
            case SUBMITTED -> SUBMITTED;
            case DELIVERED -> DELIVERED;
            case FAILED -> suppressed ? SUPPRESSED : FAILED;
            case EXPIRED -> EXPIRED;
            case CANCELLED -> CANCELLED;
        };
    }
}
