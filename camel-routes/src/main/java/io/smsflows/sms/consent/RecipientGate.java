package io.smsflows.sms.consent;

import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.support.SqlDialect;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serialises everything that decides whether a number may receive a message: the submission of a message's first
 * parts and each suppression change lock the number's row in sms_recipient_lock for their transaction. So an
 * opt-out stored at time T is seen by every submission that reaches the wire after T, on every node of a cluster
 * sharing the database: "checked, then opted out, then sent" cannot happen.
 *
 * <p>The submitter locks all recipients of a chunk at once ({@link #lockAll}), in a fixed order so two chunks never
 * deadlock, and keeps them until its first parts were answered; an opt-out of one of them waits that long.
 * The row also counts the concatenation references of the number, so two messages in flight to it never share one.
 */
public class RecipientGate {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transactions;
    private final String insertIfAbsent;

    public RecipientGate(DataSource dataSource, SqlDialect dialect) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.insertIfAbsent = dialect.ensureRow("sms_recipient_lock", new String[] {"recipient"});
    }

    /**
     * Runs {@code work} holding the lock of {@code recipient} (E.164) until the transaction ends. Joins the caller's
     * transaction if there is one (a process engine job), else runs in its own.
     */
    public <T> T locked(String recipient, Supplier<T> work) {
        return transactions.execute(status -> {
            lockAll(List.of(recipient));
            return work.get();
        });
    }

    /**
     * Locks the rows of these recipients until the current transaction ends (it must be active), creating the ones
     * that do not exist yet. Returns each recipient's next concatenation reference.
     */
    public Map<String, Integer> lockAll(Collection<String> recipients) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("recipient locks only hold inside a transaction");
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(recipients));
        Map<String, Integer> refs = new HashMap<>();
        for (List<String> chunk : SmsMessageRepository.chunks(sorted)) {
            // an insert that never fails on a duplicate: a failed statement would abort a PostgreSQL transaction
            jdbc.batchUpdate(insertIfAbsent, chunk.stream().map(r -> new Object[] {r}).toList());
            named.query("select recipient, next_concat_ref from sms_recipient_lock where recipient in (:r) "
                            + "order by recipient for update", new MapSqlParameterSource("r", chunk),
                    rs -> {
                        refs.put(rs.getString(1), rs.getInt(2));
                    });
        }
        return refs;
    }

    /** Stores the next concatenation reference of locked recipients. */
    public void setNextReferences(Map<String, Integer> next) {
        jdbc.batchUpdate("update sms_recipient_lock set next_concat_ref = ? where recipient = ?",
                next.entrySet().stream().map(e -> new Object[] {e.getValue() % 65536, e.getKey()}).toList());
    }
}
