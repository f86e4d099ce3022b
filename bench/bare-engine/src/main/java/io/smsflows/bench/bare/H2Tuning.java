package io.smsflows.bench.bare;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * H2 plans {@code ACT_RU_VARIABLE where EXECUTION_ID_ = ? and TASK_ID_ is null} (every variable load) on the
 * TASK_ID_ index, which matches nearly every row; a selectivity of 1 makes it use the EXECUTION_ID_ index.
 * ALTER ... SELECTIVITY is persistent: in a file database it stays until H2 analyzes the table again.
 */
final class H2Tuning {

    private static final Logger LOG = LoggerFactory.getLogger(H2Tuning.class);

    private H2Tuning() {
    }

    static void apply(JdbcTemplate jdbc, boolean variableSelectivity) {
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        if (!"H2".equals(product)) {
            return;
        }
        if (variableSelectivity) {
            jdbc.execute("ALTER TABLE ACT_RU_VARIABLE ALTER COLUMN TASK_ID_ SELECTIVITY 1");
        }
        LOG.info("H2: ACT_RU_VARIABLE.TASK_ID_ selectivity {} (bare.h2-variable-selectivity={})",
                selectivity(jdbc), variableSelectivity);
    }

    /** H2's current estimate (it changes when H2 analyzes the table, automatically every 2000 changed rows). */
    static Integer selectivity(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select SELECTIVITY from INFORMATION_SCHEMA.COLUMNS "
                + "where TABLE_NAME = 'ACT_RU_VARIABLE' and COLUMN_NAME = 'TASK_ID_'", Integer.class);
    }
}
