package io.smsflows.sms.compliance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Erases the texts of messages that reached their final status longer ago than the retention, and of replies that
 * were processed: the text becomes empty, {@code body_erased_at} says when; everything else of the row stays. A
 * message still on its way and a reply not yet processed keep their text.
 */
public class BodyRetention {

    private static final Logger LOG = LoggerFactory.getLogger(BodyRetention.class);

    private final JdbcTemplate jdbc;
    private final Duration keep;
    private final int batchSize;
    private final Clock clock;

    public BodyRetention(JdbcTemplate jdbc, Duration keep, int batchSize, Clock clock) {
        this.jdbc = jdbc;
        this.keep = keep;
        this.batchSize = Math.max(1, batchSize);
        this.clock = clock;
    }

    /** One sweep: erases every text that is due, a batch at a time. Returns how many rows it erased. */
    public int sweep() {
        Instant now = clock.instant();
        Timestamp before = Timestamp.from(now.minus(keep));
        Timestamp at = Timestamp.from(now);
        int total = 0;
        int n;
        do {
            // done_at is set only in a final status: a queued or submitted message keeps its text
            n = jdbc.update("update sms_message set body = '', body_erased_at = ? where id in (select id from "
                    + "sms_message where body_erased_at is null and done_at < ? fetch first " + batchSize
                    + " rows only)", at, before);
            total += n;
        } while (n == batchSize);
        do {
            n = jdbc.update("update sms_inbound set body = null, raw_hex = null, body_erased_at = ? where id in "
                    + "(select id from sms_inbound where body_erased_at is null and received_at < ? "
                    + "and status in ('DONE', 'DUPLICATE', 'UNDECODABLE', 'ASSEMBLED') fetch first " + batchSize
                    + " rows only)", at, before);
            total += n;
        } while (n == batchSize);
        if (total > 0) {
            LOG.info("Retention: erased the text of {} message(s) and replies older than {}", total, keep);
        }
        return total;
    }
}
