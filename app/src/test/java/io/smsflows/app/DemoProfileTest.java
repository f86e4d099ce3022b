package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The README's demo profile: one user per role, each with its own limits. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e-demo;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-demo",
        "smsflows.simulator.port=0"})
@ActiveProfiles("demo")
@DirtiesContext
class DemoProfileTest {

    @Autowired
    TestRestTemplate anonymous;

    @Test
    void demo_operator_and_crm_log_in_and_each_may_do_only_its_job() {
        assertThat(anonymous.withBasicAuth("demo", "demo").getForEntity("/api/data-subjects/+33612345678",
                Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.withBasicAuth("crm", "crm").getForEntity("/api/consents/+33612345678", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.withBasicAuth("crm", "crm").getForEntity("/api/data-subjects/+33612345678",
                Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymous.withBasicAuth("operator", "operator").getForEntity("/api/suppressions", Object.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.withBasicAuth("operator", "operator").postForEntity("/api/consents",
                Map.of("phone", "+33612345678", "granted", false, "source", "CRM"), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }
}
