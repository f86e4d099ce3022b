package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smsflows.sms.crm.CrmStubController;
import io.smsflows.sms.simulator.SimulatorProperties;
import io.smsflows.sms.simulator.SmscSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The prod profile: a demo configuration is refused before anything starts, with every problem named; a complete
 * one starts on PostgreSQL with an external SMSC (here a simulator of its own, as a real SMSC would be) and no
 * demo parts (no simulator, no CRM stub).
 */
class ProductionProfileTest {

    @Test
    void a_demo_configuration_is_refused_with_every_problem_named() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(SmsFlowsApplication.class).profiles("prod");
        // command-line arguments, as an operator gives them (builder properties would be mere defaults)
        assertThatThrownBy(() -> app.run("--server.port=0", "--camunda.bpm.admin-user.id=demo",
                "--camunda.bpm.admin-user.password=demo", "--smsflows.crm.username=crm"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.datasource.url (SPRING_DATASOURCE_URL) must be a PostgreSQL URL")
                .hasMessageContaining("smsflows.smpp.host")
                .hasMessageContaining("smsflows.crm.base-url")
                .hasMessageContaining("smsflows.crm.password")
                .hasMessageContaining("camunda.bpm.admin-user.password must have 12+ characters");
    }

    @Test
    void a_complete_configuration_starts_on_postgresql_without_the_demo_parts() throws Exception {
        String url = TestPostgres.freshDatabase("smsflows_prod_" + ProcessHandle.current().pid());
        SimulatorProperties smscConfig = new SimulatorProperties();
        smscConfig.setPort(0);
        try (SmscSimulator smsc = new SmscSimulator(smscConfig);
             ConfigurableApplicationContext context = new SpringApplicationBuilder(SmsFlowsApplication.class)
                     .profiles("prod").run("--server.port=0",
                             "--spring.datasource.url=" + url, "--spring.datasource.username=" + TestPostgres.USER,
                             "--spring.datasource.password=",
                             "--smsflows.smpp.host=127.0.0.1", "--smsflows.smpp.port=" + smsc.port(),
                             "--smsflows.crm.base-url=http://127.0.0.1:9/crm", "--smsflows.crm.username=crm",
                             "--smsflows.crm.password=crm-secret",
                             "--camunda.bpm.admin-user.id=admin",
                             "--camunda.bpm.admin-user.password=a-long-enough-secret",
                             "--camunda.bpm.process-engine-name=prod-check")) {
            assertThat(context.getBeansOfType(SmscSimulator.class)).isEmpty();
            assertThat(context.getBeansOfType(CrmStubController.class)).isEmpty();
            assertThat(context.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
        }
    }
}
