package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsflows.sms.simulator.SmscSimulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Consent records in the running app: the CRM records consents with their proof (one, or an NDJSON import), reads a
 * number's consents and history; a marketing batch reaches only the numbers with a granted consent, and its status
 * counts the others as noConsent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e-consent;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-consent",
        "smsflows.simulator.port=0",
        "smsflows.simulator.receipt-delay=20ms",
        "smsflows.windows.enabled=false", // runs at any hour; sending windows: SendingWindowsEndToEndTest
        "camunda.bpm.admin-user.id=demo",
        "camunda.bpm.admin-user.password=demo"})
@DirtiesContext
class ConsentEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    SmscSimulator simulator;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;

    TestRestTemplate rest;

    @BeforeEach
    void setUp() {
        rest = new EngineRest(anonymous).authenticated();
    }

    private int consentRows() {
        return jdbc.queryForObject("select count(*) from sms_consent", Integer.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void one_consent_needs_its_proof_and_shows_up_with_its_history() {
        int before = consentRows();
        ResponseEntity<Map> noProof = rest.postForEntity("/api/consents",
                Map.of("phone", "+33612340701", "granted", true, "source", "WEB_FORM"), Map.class);
        assertThat(noProof.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) noProof.getBody().get("detail")).contains("'proof' is required");
        ResponseEntity<Map> keyword = rest.postForEntity("/api/consents",
                Map.of("phone", "+33612340701", "granted", true, "source", "SMS", "proof", Map.of("x", 1)), Map.class);
        assertThat(keyword.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(consentRows()).isEqualTo(before);

        Map<String, Object> proof = Map.of("formId", "newsletter-2026", "ip", "203.0.113.7",
                "userAgent", "Mozilla/5.0", "text", "J'accepte de recevoir les offres par SMS");
        ResponseEntity<Map> created = rest.postForEntity("/api/consents",
                Map.of("phone", "+33 6 12 34 07 01", "granted", true, "source", "WEB_FORM", "proof", proof), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("phone", "+33612340701").containsEntry("scope", "marketing")
                .containsEntry("recordedBy", "demo");

        Map<String, Object> view = rest.getForObject("/api/consents/+33612340701", Map.class);
        assertThat((List<Map<String, Object>>) view.get("consents")).singleElement()
                .satisfies(c -> assertThat((String) c.get("proof")).contains("newsletter-2026"));
        assertThat((List<Map<String, Object>>) view.get("history")).extracting(e -> e.get("action"))
                .containsExactly("CONSENT_GRANTED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_import_records_the_valid_lines_and_a_marketing_batch_reaches_only_numbers_with_consent() {
        String ndjson = """
                {"phone":"+33612340711","granted":true,"source":"IMPORT","proof":{"file":"optins-2025.csv","row":1}}
                {"phone":"+33612340712","granted":true,"source":"IMPORT"}
                {"phone":"+33612340713","granted":true,"source":"IMPORT","proof":{"file":"optins-2025.csv","row":3}}
                """;
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/x-ndjson"));
        Map<String, Object> imported = rest.postForObject("/api/consents", new HttpEntity<>(ndjson, headers),
                Map.class);
        assertThat(imported).containsEntry("recorded", 2).containsEntry("refusedCount", 1);
        assertThat((List<Map<String, Object>>) imported.get("refused")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("line", 2));

        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("text", "Soldes -30% ce week-end");
        batch.put("category", "marketing");
        batch.put("sender", "SHOP");
        batch.put("recipients", List.of(Map.of("to", "+33612340711"), Map.of("to", "+33612340712"),
                Map.of("to", "+33612340713")));
        String id = (String) rest.postForObject("/api/sms/batches", batch, Map.class).get("id");

        await().atMost(TIMEOUT).until(() -> "DONE".equals(rest.getForObject("/api/sms/batches/" + id, Map.class)
                .get("state")));
        Map<String, Object> status = rest.getForObject("/api/sms/batches/" + id, Map.class);
        assertThat(status).containsEntry("delivered", 2).containsEntry("failed", 1).containsEntry("noConsent", 1);
        assertThat(Wire.submitsTo(simulator, "33612340711")).hasSize(1);
        assertThat(Wire.submitsTo(simulator, "33612340712")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from sms_message where batch_id = ? and consent_id is not null",
                Integer.class, id)).isEqualTo(2);
    }

    @Test
    void a_model_that_catches_sms_no_consent_gets_it_instead_of_sms_failed() {
        BpmnModelInstance probe = Bpmn.createExecutableProcess("no-consent-probe").camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Send").camundaAsyncBefore().camundaDelegateExpression("${smsSend}")
                .camundaInputParameter("to", "${to}").camundaInputParameter("text", "Promo -20%")
                .camundaInputParameter("category", "marketing")
                .eventBasedGateway()
                .intermediateCatchEvent("NoConsent").message("SmsNoConsent").endEvent("End_NoConsent")
                .moveToLastGateway()
                .intermediateCatchEvent("Failed").message("SmsFailed").endEvent("End_Failed")
                .moveToLastGateway()
                .intermediateCatchEvent("Delivered").message("SmsDelivered").endEvent("End_Delivered")
                .done();
        engine.getRepositoryService().createDeployment().addModelInstance("no-consent-probe.bpmn", probe).deploy();
        String pi = engine.getRuntimeService().startProcessInstanceByKey("no-consent-probe",
                Map.of("to", "+33612340721")).getId();

        await().atMost(TIMEOUT).until(() -> engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(pi).finished().count() == 1);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi)
                .activityId("End_NoConsent").count()).isOne();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi)
                .variableName("smsErrorCode").singleResult().getValue()).isEqualTo("NO_CONSENT");
        assertThat(Wire.submitsTo(simulator, "33612340721")).isEmpty();
    }
}
