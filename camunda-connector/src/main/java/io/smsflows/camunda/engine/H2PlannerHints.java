package io.smsflows.camunda.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On H2 (the embedded default) only: tells H2's planner that {@code ACT_RU_VARIABLE.TASK_ID_} is not selective
 * (H2's selectivity 1: nearly every row has the same value, null), once the engine's schema exists. Every variable load ({@code EXECUTION_ID_ = ? and TASK_ID_ is null}: a delegate expression,
 * a correlation's variables) is otherwise planned on the TASK_ID_ index, which matches nearly every row, and H2 seems to keep
 * that plan in its per-connection statement cache after its own statistics have changed. Measured with the load
 * tool's journeys: 35% of the send jobs' CPU in that one statement before. PostgreSQL plans it right by itself.
 */
public class H2PlannerHints extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(H2PlannerHints.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl config =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        if (!"h2".equals(config.getDatabaseType())) {
            return;
        }
        String table = (config.getDatabaseTablePrefix() == null ? "" : config.getDatabaseTablePrefix())
                + "ACT_RU_VARIABLE";
        try (Connection connection = config.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            // persistent in a file database; changes the schema version, so H2 plans cached statements again
            statement.execute("ALTER TABLE " + table + " ALTER COLUMN TASK_ID_ SELECTIVITY 1");
            LOG.debug("H2: {}.TASK_ID_ selectivity set to 1", table);
        } catch (SQLException e) {
            // a hint, not a requirement: the engine works without it, slower
            LOG.warn("Could not set the H2 selectivity of {}.TASK_ID_ ({}): variable loads may be planned on the "
                    + "wrong index", table, e.getMessage());
        }
    }
}
