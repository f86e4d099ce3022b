package io.smsflows.sms.config;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Migrates our own tables (sms_*) with a Flyway instance of our own: its own locations and history table, so an
 * application that uses Flyway for itself (or Camunda's schema) is not touched, and ours is not touched by it.
 */
public class SmsFlowsSchema {

    public static final String HISTORY_TABLE = "smsflows_schema_history";

    public SmsFlowsSchema(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/smsflows")
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
