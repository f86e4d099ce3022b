package io.smsflows.sms.support;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Planner statistics of the pipeline's tables, refreshed on PostgreSQL after a bulk insert (PostgreSQL's own advice
 * after loading data). Until autovacuum analyzes a table (a minute or more, and only once 10% of it changed; never
 * where autovacuum is off), PostgreSQL estimates {@code id in (...200 ids...)} as most of the table and plans
 * sequential scans: a batch of 20,000 into fresh tables ran at 286 msg/s, every receipt transaction scanning
 * sms_message. H2 analyzes by itself and needs nothing.
 */
public class TableStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(TableStatistics.class);
    /** The tables the stages look up by lists of ids and numbers. */
    private static final List<String> TABLES = List.of("sms_message", "sms_part", "sms_recipient_lock", "sms_receipt");

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final TransactionTemplate ownTransaction;
    private final int minRows;

    /**
     * @param transactions a transaction template on the same DataSource; the refresh runs in a new transaction of
     *                     its own (also when called after another transaction's commit)
     * @param minRows      inserts smaller than this leave the statistics to autovacuum
     */
    public TableStatistics(JdbcTemplate jdbc, SqlDialect dialect, TransactionTemplate transactions, int minRows) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.minRows = minRows;
    }

    /** After {@code rows} were inserted (committed): ANALYZE on PostgreSQL if they were many. Never throws. */
    public void afterBulkInsert(int rows) {
        if (dialect != SqlDialect.POSTGRESQL || rows < minRows) {
            return;
        }
        try {
            long t0 = System.nanoTime();
            ownTransaction.executeWithoutResult(tx -> jdbc.execute("analyze " + String.join(", ", TABLES)));
            LOG.debug("Analyzed {} after {} rows in {} ms", TABLES, rows, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            // the batch is stored (this runs after its commit): it only runs slower until autovacuum catches up
            LOG.warn("Could not ANALYZE {} after a batch of {} rows ({}); sending goes on, maybe slower until "
                    + "autovacuum analyzes them", TABLES, rows, e instanceof DataAccessException d
                    ? d.getMostSpecificCause().getMessage() : e.toString());
        }
    }
}
