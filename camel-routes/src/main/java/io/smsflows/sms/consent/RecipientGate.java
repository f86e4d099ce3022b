package io.smsflows.sms.consent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serialises everything that decides whether a number may receive a message: each submission to the wire and each
 * suppression change locks the number's row in sms_recipient_lock for its transaction. So an opt-out stored at
 * time T is seen by every submission that reaches the wire after T, on every node of a cluster sharing the
 * database: "checked, then opted out, then sent" cannot happen.
 *
 * <p>The work runs in a transaction on the caller's DataSource; JdbcTemplates on the same DataSource join it.
 * Called inside an existing Spring transaction (a process engine job), it joins that one.
 */
public class RecipientGate {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DataSource dataSource;
    private volatile String upsert;

    public RecipientGate(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Runs {@code work} holding the lock of {@code recipient} (E.164) until the transaction ends. */
    public <T> T locked(String recipient, Supplier<T> work) {
        ensureRow(recipient);
        return transactions.execute(status -> {
            jdbc.queryForList("select recipient from sms_recipient_lock where recipient = ? for update", recipient);
            return work.get();
        });
    }

    private void ensureRow(String recipient) {
        // an upsert that never fails on a duplicate: a failed statement would abort a PostgreSQL transaction
        jdbc.update(upsertSql(), recipient);
    }

    private String upsertSql() {
        if (upsert == null) {
            try (Connection c = dataSource.getConnection()) {
                String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
                upsert = product.contains("postgres")
                        ? "insert into sms_recipient_lock (recipient) values (?) on conflict do nothing"
                        : "merge into sms_recipient_lock (recipient) key (recipient) values (?)";
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the database product name", e);
            }
        }
        return upsert;
    }
}
