package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The end-to-end loop on the embedded default database. */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e-h2;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-h2"})
class SendAndTrackOnH2Test extends SendAndTrackEndToEndTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void h2_plans_variable_loads_on_the_execution_index_from_the_start() {
        // H2's default is 50 until it analyzes the table itself (after 2,000 changed rows): H2PlannerHints
        assertThat(jdbc.queryForObject("select SELECTIVITY from INFORMATION_SCHEMA.COLUMNS "
                + "where TABLE_NAME = 'ACT_RU_VARIABLE' and COLUMN_NAME = 'TASK_ID_'", Integer.class)).isEqualTo(1);
    }
}
