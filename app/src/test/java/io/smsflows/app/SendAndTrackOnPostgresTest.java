package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.sms.batch.BatchRecipient;
import io.smsflows.sms.batch.BatchRequest;
import io.smsflows.sms.batch.SmsBatches;
import java.sql.SQLException;
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
 * The same loop on PostgreSQL, the production database: a fresh database per run on {@link TestPostgres}.
 */
@TestPropertySource(properties = {"camunda.bpm.process-engine-name=e2e-pg", "smsflows.batches.analyze-after-rows=10"})
class SendAndTrackOnPostgresTest extends SendAndTrackEndToEndTest {

    private static final String DATABASE = "smsflows_e2e_" + ProcessHandle.current().pid();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        TestPostgres.useFreshDatabase(registry, DATABASE);
    }

    @Autowired
    SmsBatches batches;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_large_batch_refreshes_the_planner_statistics_of_the_pipeline_tables() {
        List<BatchRecipient> rows = IntStream.range(0, 10)
                .mapToObj(i -> BatchRecipient.of(String.format("+49151770%05d", i), Map.of())).toList();
        batches.accept(BatchRequest.of("transactional", "SHOP", "Statistics", null, null, false, null, "test"),
                rows.iterator());
        // last_analyze is set by an explicit ANALYZE only (autovacuum sets last_autoanalyze)
        assertThat(jdbc.queryForList("select relname from pg_stat_user_tables where last_analyze is not null",
                String.class)).contains("sms_message", "sms_part", "sms_recipient_lock", "sms_receipt");
    }
}
