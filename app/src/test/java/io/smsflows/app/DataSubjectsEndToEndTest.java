package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsflows.sms.simulator.SmscSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A data-subject request in the running app: a number that was asked a question, answered STOP and gave a consent
 * gets everything held for it exported; erasure removes it all but the opt-out, which still blocks the number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e-subjects;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-subjects",
        "smsflows.simulator.port=0",
        "smsflows.simulator.receipt-delay=20ms",
        "smsflows.crm.username=demo",
        "smsflows.crm.password=demo",
        "camunda.bpm.admin-user.id=demo",
        "camunda.bpm.admin-user.password=demo"})
@DirtiesContext
class DataSubjectsEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String NUMBER = "+33612340801";

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    SmscSimulator simulator;
    @Autowired
    JdbcTemplate jdbc;

    private int rowsWith(String table, String column) {
        return jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Integer.class,
                NUMBER);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everything_held_for_a_number_is_exported_then_erased_but_its_opt_out_still_blocks_it() {
        EngineRest engine = new EngineRest(anonymous);
        TestRestTemplate rest = engine.authenticated();
        rest.postForEntity("/api/consents", Map.of("phone", NUMBER, "granted", true, "source", "WEB_FORM",
                "proof", Map.of("formId", "newsletter")), Map.class);
        String asked = engine.start("sms-ask", "subject-1", Map.of("to", NUMBER, "text", "RDV demain 10h. OUI ?"));
        await().atMost(TIMEOUT).until(() -> !Wire.submitsTo(simulator, NUMBER.substring(1)).isEmpty());
        simulator.deliverMo(NUMBER, "SMSFlows", "STOP");
        assertThat(engine.awaitCompleted(asked, TIMEOUT)).containsEntry("askOutcome", "optedOut");

        Map<String, Object> export = rest.getForObject("/api/data-subjects/" + NUMBER, Map.class);
        assertThat((List<?>) export.get("messages")).hasSizeGreaterThanOrEqualTo(1);
        assertThat((List<Map<String, Object>>) export.get("replies")).anySatisfy(r ->
                assertThat(r.get("body")).isEqualTo("STOP"));
        assertThat((List<?>) export.get("consents")).hasSize(1);
        assertThat((List<?>) export.get("optOuts")).hasSize(1);
        assertThat((List<Map<String, Object>>) export.get("processInstances")).anySatisfy(pi -> {
            assertThat(pi).containsEntry("id", asked).containsEntry("businessKey", "subject-1");
            assertThat((Map<String, Object>) pi.get("variables")).containsEntry("to", NUMBER);
        });

        assertThat(rest.exchange("/api/data-subjects/" + NUMBER, HttpMethod.DELETE, null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST); // no reason
        // the unsubscribe journey may still be telling the CRM: erasure waits until nothing runs for the number
        ResponseEntity<Map>[] erased = new ResponseEntity[1];
        await().atMost(TIMEOUT).until(() -> {
            erased[0] = rest.exchange("/api/data-subjects/" + NUMBER + "?reason=DSR-2026-118", HttpMethod.DELETE,
                    null, Map.class);
            return erased[0].getStatusCode() != HttpStatus.CONFLICT;
        });
        assertThat(erased[0].getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(erased[0].getBody()).containsEntry("optOutsKeptHashed", 1);

        assertThat(rowsWith("sms_message", "recipient")).isZero();
        assertThat(rowsWith("sms_inbound", "source_addr")).isZero();
        assertThat(rowsWith("sms_consent", "recipient")).isZero();
        assertThat(rowsWith("sms_consent_event", "recipient")).isZero();
        assertThat(rowsWith("sms_suppression", "recipient")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from sms_suppression where recipient like 'erased:%'",
                Integer.class)).isEqualTo(1);
        assertThat((List<?>) rest.getForObject("/api/data-subjects/" + NUMBER, Map.class).get("processInstances"))
                .isEmpty();

        // the hashed opt-out still stops the number
        String later = engine.startSendAndTrack("subject-2", NUMBER, "Nouvelle offre");
        assertThat(engine.awaitCompleted(later, TIMEOUT)).containsEntry("smsErrorCode", "SMS_SUPPRESSED");
    }
}
