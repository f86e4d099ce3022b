package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsflows.sms.simulator.SmscSimulator;
import io.smsflows.sms.simulator.SmscSimulator.ReceivedSubmit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Senders a handset can answer and a network delivers, in the running app: a question from the default name goes
 * out from the two-way number and the answer to that number finds its process; a name to a numeric-only country
 * with no fallback queues nothing and fails the job with what to configure (an incident after its retries).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e-senders;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-senders",
        "smsflows.simulator.port=0",
        "smsflows.simulator.receipt-delay=20ms",
        "smsflows.senders.two-way-sender=38383",
        "smsflows.senders.numeric-fallback=",
        "smsflows.senders.alphanumeric-replies=REFUSE",
        "camunda.bpm.admin-user.id=demo",
        "camunda.bpm.admin-user.password=demo"})
@DirtiesContext
class SendersEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    SmscSimulator simulator;
    @Autowired
    JdbcTemplate jdbc;

    EngineRest rest;

    @BeforeEach
    void setUp() {
        rest = new EngineRest(anonymous);
    }

    @Test
    void a_question_goes_out_from_the_two_way_number_and_the_answer_to_it_resumes_the_process() {
        String number = "+33612340501";
        String pi = rest.start("sms-ask", "senders-1", Map.of("to", number, "text", "RDV demain 10h. OUI ?"));
        await().atMost(TIMEOUT).until(() -> !Wire.submitsTo(simulator, number.substring(1)).isEmpty());
        ReceivedSubmit question = Wire.submitsTo(simulator, number.substring(1)).get(0);
        assertThat(question.sourceAddr()).isEqualTo("38383");

        simulator.deliverMo(number, "38383", "oui");

        assertThat(rest.awaitCompleted(pi, TIMEOUT)).containsEntry("askOutcome", "answered")
                .containsEntry("smsReplyIntent", "CONFIRM");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_name_to_a_numeric_only_country_queues_nothing_and_fails_the_job_with_what_to_set() {
        String pi = rest.startSendAndTrack("senders-2", "+14155550199", "Your order has shipped");

        await().atMost(TIMEOUT).until(() -> {
            List<Map<String, Object>> jobs = rest.authenticated()
                    .getForObject("/engine-rest/job?processInstanceId=" + pi, List.class);
            return jobs.stream().anyMatch(j -> j.get("exceptionMessage") != null);
        });
        List<Map<String, Object>> jobs = rest.authenticated()
                .getForObject("/engine-rest/job?processInstanceId=" + pi, List.class);
        assertThat((String) jobs.get(0).get("exceptionMessage"))
                .contains("'SMSFlows'", "US", "smsflows.senders.numeric-fallback");
        assertThat(rest.state(pi)).isEqualTo("ACTIVE");
        assertThat(Wire.submitsTo(simulator, "14155550199")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from sms_message where process_instance_id = ?",
                Integer.class, pi)).isZero();
    }
}
