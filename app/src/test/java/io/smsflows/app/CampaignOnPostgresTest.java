package io.smsflows.app;

import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The campaign on PostgreSQL, the production database: the same 10,000 recipients, clicks and STOPs, and the same
 * figures from the same SQL (audience, sends, replies, opt-outs, clicks). A fresh database per run.
 */
@TestPropertySource(properties = "camunda.bpm.process-engine-name=e2e-campaign-pg")
class CampaignOnPostgresTest extends CampaignEndToEndTest {

    private static final String DATABASE = "smsflows_campaign_" + ProcessHandle.current().pid();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        TestPostgres.useFreshDatabase(registry, DATABASE);
    }
}
