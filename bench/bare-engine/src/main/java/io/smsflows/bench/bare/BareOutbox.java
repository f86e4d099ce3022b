package io.smsflows.bench.bare;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The table the Send SMS task writes and the receipt simulator reads: the app's outbox row, minus the SMS. */
@Component
public class BareOutbox {

    /** A row whose receipt is due. */
    public record Due(String id, String processInstanceId, Instant dueAt) {
    }

    private final JdbcTemplate jdbc;
    private final Duration receiptDelay;

    /** Takes the engine so that its schema exists before anything here runs (the H2 tuning alters one of its tables). */
    public BareOutbox(JdbcTemplate jdbc, ProcessEngine engine, @Value("${bare.receipt-delay:50ms}") Duration receiptDelay,
                      @Value("${bare.h2-variable-selectivity:true}") boolean variableSelectivity) {
        this.jdbc = jdbc;
        this.receiptDelay = receiptDelay;
        // created here, not in a runner: the job executor may run leftover jobs of a file database early
        jdbc.execute("create table if not exists bare_outbox (id varchar(64) primary key, "
                + "process_instance_id varchar(64), due_at timestamp, done boolean)");
        jdbc.execute("create index if not exists bare_outbox_due on bare_outbox (done, due_at)");
        H2Tuning.apply(jdbc, variableSelectivity);
    }

    /** In the caller's transaction (the Send SMS job's): a rolled-back job leaves no row. */
    public void insert(String id, String processInstanceId) {
        jdbc.update("insert into bare_outbox (id, process_instance_id, due_at, done) values (?, ?, ?, false)",
                id, processInstanceId, Timestamp.from(Instant.now().plus(receiptDelay)));
    }

    public List<Due> due(Instant now, int limit) {
        return jdbc.query("select id, process_instance_id, due_at from bare_outbox where done = false and due_at <= ? "
                        + "order by due_at limit ?",
                (rs, i) -> new Due(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                Timestamp.from(now), limit);
    }

    public void markDone(List<String> ids) {
        jdbc.batchUpdate("update bare_outbox set done = true where id = ?", ids, 100,
                (ps, id) -> ps.setString(1, id));
    }

    /** Not correlated this time: look again later instead of on every poll. */
    public void postpone(List<String> ids, Instant until) {
        jdbc.batchUpdate("update bare_outbox set due_at = ? where id = ?", ids, 100, (ps, id) -> {
            ps.setTimestamp(1, Timestamp.from(until));
            ps.setString(2, id);
        });
    }

    public Duration receiptDelay() {
        return receiptDelay;
    }
}
