package io.smsflows.sms.reply;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * At most one automatic answer per number and (UTC) day: auto-responders on the other side must not start a
 * ping-pong, and customers must not be flooded.
 */
public class AutoReplies {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AutoReplies(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time it is asked for {@code recipient} today, false afterwards. */
    public boolean claim(String recipient) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Integer known = jdbc.queryForObject("select count(*) from sms_auto_reply where recipient = ? and reply_day = ?",
                Integer.class, recipient, Date.valueOf(today));
        if (known != null && known > 0) {
            return false;
        }
        try {
            return jdbc.update("insert into sms_auto_reply (recipient, reply_day) values (?, ?)", recipient,
                    Date.valueOf(today)) == 1;
        } catch (DuplicateKeyException e) {
            return false; // another node claimed it at the same moment
        }
    }
}
