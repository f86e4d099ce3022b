package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsflows.sms.consent.ConsentSource;
import io.smsflows.sms.consent.Suppression;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.simulator.SmscSimulator;
import io.smsflows.sms.simulator.SmscSimulator.ReceivedSubmit;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The double opt-in in the running app, through camel-smpp and the simulator: a web form (REST) or the keyword JOIN
 * sends the question; only the customer's YES records the consent, with the form and the YES as its proof, and
 * only then does a marketing batch reach the number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e-double-opt-in;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-double-opt-in",
        "smsflows.simulator.port=0",
        "smsflows.simulator.receipt-delay=20ms",
        "smsflows.windows.enabled=false", // runs at any hour; sending windows: SendingWindowsEndToEndTest
        "smsflows.consent.program-name=Maison Lune",
        "smsflows.crm.username=demo",
        "smsflows.crm.password=demo",
        "camunda.bpm.admin-user.id=demo",
        "camunda.bpm.admin-user.password=demo"})
@DirtiesContext
class DoubleOptInEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    SmscSimulator simulator;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SuppressionList suppressions;

    EngineRest rest;

    @BeforeEach
    void setUp() {
        rest = new EngineRest(anonymous);
    }

    private static String text(ReceivedSubmit pdu) {
        return Wire.text(pdu);
    }

    private List<ReceivedSubmit> awaitSubmits(String digits, int count) {
        await().atMost(TIMEOUT).until(() -> Wire.submitsTo(simulator, digits).size() >= count);
        return Wire.submitsTo(simulator, digits);
    }

    private int consents(String phone) {
        return jdbc.queryForObject("select count(*) from sms_consent where recipient = ? and granted = true",
                Integer.class, phone);
    }

    @SuppressWarnings("unchecked")
    private List<String> crmEvents(String phone) {
        List<Map<String, Object>> all = rest.authenticated().getForObject("/api/crm-stub/callbacks", List.class);
        return all.stream().filter(c -> phone.equals(((Map<String, Object>) c.get("body")).get("phone")))
                .map(c -> String.valueOf(c.get("event"))).toList();
    }

    private ResponseEntity<Map> form(String requestId, String phone) {
        return rest.authenticated().postForEntity("/api/journeys/double-opt-in", Map.of("requestId", requestId,
                "phone", phone, "locale", "fr", "proof", Map.of("formId", "newsletter", "ip", "203.0.113.7",
                        "userAgent", "Mozilla/5.0", "text", "J'accepte les offres SMS")), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_web_form_asks_and_only_the_yes_records_the_consent_that_lets_marketing_through() {
        String phone = "+33612340801";
        ResponseEntity<Map> noProof = rest.authenticated().postForEntity("/api/journeys/double-opt-in",
                Map.of("requestId", "form-0", "phone", phone), Map.class);
        assertThat(noProof.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noProof.getBody().toString()).contains("proof");

        ResponseEntity<Map> started = form("form-1", phone);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String pi = (String) started.getBody().get("id");
        List<ReceivedSubmit> question = awaitSubmits("33612340801", 1);
        assertThat(text(question.get(0))).startsWith("Maison Lune : répondez OUI");
        assertThat(consents(phone)).isZero();

        ResponseEntity<Map> again = form("form-2", phone); // a second form while the first waits: no second question
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("id", pi).containsEntry("created", false);

        simulator.deliverMo(phone, "SMSFlows", "Oui");

        Map<String, Object> vars = rest.awaitCompleted(pi, TIMEOUT);
        assertThat(vars).containsEntry("optInOutcome", "subscribed");
        assertThat(consents(phone)).isOne();
        Map<String, Object> consent = jdbc.queryForMap("select source, proof, id from sms_consent where recipient = ?",
                phone);
        assertThat(consent.get("SOURCE")).isEqualTo("WEB_FORM");
        assertThat((String) consent.get("PROOF")).contains("newsletter", "203.0.113.7", "\"text\":\"Oui\"",
                "double-opt-in");
        assertThat(vars).containsEntry("consentId", consent.get("ID"));
        List<ReceivedSubmit> sent = awaitSubmits("33612340801", 2);
        assertThat(text(sent.get(1))).contains("inscription confirmée").contains("STOP");
        await().atMost(TIMEOUT).until(() -> crmEvents(phone).contains("opted-in"));
        assertThat(Wire.submitsTo(simulator, "33612340801")).hasSize(2); // the second form asked nothing

        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("text", "Soldes -30% ce week-end");
        batch.put("category", "marketing");
        batch.put("recipients", List.of(Map.of("to", phone)));
        String id = (String) rest.authenticated().postForObject("/api/sms/batches", batch, Map.class).get("id");
        await().atMost(TIMEOUT).until(() -> "DONE".equals(rest.authenticated()
                .getForObject("/api/sms/batches/" + id, Map.class).get("state")));
        assertThat(rest.authenticated().getForObject("/api/sms/batches/" + id, Map.class))
                .containsEntry("delivered", 1).containsEntry("noConsent", 0);
    }

    @Test
    void join_by_sms_asks_and_a_no_records_nothing() {
        String phone = "+33612340802";
        simulator.deliverMo(phone, "SMSFlows", "JOIN");
        List<ReceivedSubmit> question = awaitSubmits("33612340802", 1);
        assertThat(text(question.get(0))).contains("OUI");

        simulator.deliverMo(phone, "SMSFlows", "Non");

        await().atMost(TIMEOUT).until(() -> crmEvents(phone).contains("opt-in-not-confirmed"));
        assertThat(consents(phone)).isZero();
        assertThat(Wire.submitsTo(simulator, "33612340802")).hasSize(1); // no welcome
        Map<String, Object> event = jdbc.queryForMap("select count(*) as n from sms_consent_event where recipient = ?",
                phone);
        assertThat(((Number) event.get("N")).intValue()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_number_that_opted_out_is_not_asked_and_a_yes_after_an_opt_out_records_nothing() {
        String stopped = "+33612340803";
        suppressions.suppress(stopped, Suppression.GLOBAL, ConsentSource.SMS, "keyword STOP", "STOP", null, null);
        ResponseEntity<Map> refused = rest.authenticated().postForEntity("/api/journeys/double-opt-in", Map.of(
                "requestId", "form-3", "phone", stopped, "proof", "asked at the counter"), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) refused.getBody().get("detail")).contains("opted out", "START");

        String racing = "+33612340804"; // opts out of SHOP while the question waits, without a word to the journey
        ResponseEntity<Map> started = rest.authenticated().postForEntity("/api/journeys/double-opt-in", Map.of(
                "requestId", "form-4", "phone", racing, "sender", "SHOP", "proof", "asked at the counter"), Map.class);
        assertThat(started.getStatusCode()).as("a plain-text proof is a proof").isEqualTo(HttpStatus.CREATED);
        awaitSubmits("33612340804", 1);
        suppressions.suppress(racing, "SHOP", ConsentSource.CRM, "unsubscribed on the website", null, null, "crm");
        simulator.deliverMo(racing, "SMSFlows", "Oui");

        Map<String, Object> vars = rest.awaitCompleted((String) started.getBody().get("id"), TIMEOUT);
        assertThat(vars).containsEntry("optInOutcome", "optedOut");
        assertThat(consents(racing)).isZero();
        await().atMost(TIMEOUT).until(() -> crmEvents(racing).contains("opt-in-not-confirmed"));
        assertThat(Wire.submitsTo(simulator, "33612340804")).hasSize(1); // no welcome
    }
}
