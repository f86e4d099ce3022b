package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.sms.batch.BatchRecipient;
import io.smsflows.sms.batch.BatchRequest;
import io.smsflows.sms.batch.SmsBatches;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The same loop on PostgreSQL, the production database: a fresh database per run on the local server
 * (127.0.0.1:5432, trust authentication; .ci/run starts the server if needed). Override with SMSFLOWS_TEST_PG_URL
 * (a server URL without database, e.g. jdbc:postgresql://db:5432/) and SMSFLOWS_TEST_PG_USER.
 */
@TestPropertySource(properties = {"camunda.bpm.process-engine-name=e2e-pg", "smsflows.batches.analyze-after-rows=10"})
class SendAndTrackOnPostgresTest extends SendAndTrackEndToEndTest {

    private static final String SERVER = System.getenv().getOrDefault("SMSFLOWS_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("SMSFLOWS_TEST_PG_USER", "postgres");
    private static final String DATABASE = "smsflows_e2e_" + ProcessHandle.current().pid();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE);
            s.execute("create database " + DATABASE);
        }
        registry.add("spring.datasource.url", () -> SERVER + DATABASE);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    SmsBatches batches;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_large_batch_refreshes_the_planner_statistics_of_the_pipeline_tables() {
        List<BatchRecipient> rows = IntStream.range(0, 10)
                .mapToObj(i -> BatchRecipient.of(String.format("+4915177%05d", i), Map.of())).toList();
        batches.accept(BatchRequest.of("transactional", "SHOP", "Statistics", null, null, false, null, "test"),
                rows.iterator());
        // last_analyze is set by an explicit ANALYZE only (autovacuum sets last_autoanalyze)
        assertThat(jdbc.queryForList("select relname from pg_stat_user_tables where last_analyze is not null",
                String.class)).contains("sms_message", "sms_part", "sms_recipient_lock", "sms_receipt");
    }
}
