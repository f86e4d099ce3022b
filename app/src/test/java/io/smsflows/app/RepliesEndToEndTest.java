package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsflows.sms.codec.SmsDecoder;
import io.smsflows.sms.consent.SuppressionList;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Two-way messaging in the running app, through camel-smpp and the simulator: a question is sent, the handset's
 * reply resumes the instance with its intent (reply-intent DMN); STOP suppresses the number, exactly one
 * confirmation goes on the wire, the CRM is told, and later sends to the number never reach the wire.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e-replies;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-replies",
        "smsflows.simulator.port=0",
        "smsflows.simulator.receipt-delay=20ms",
        "smsflows.crm.username=demo",
        "smsflows.crm.password=demo",
        "camunda.bpm.admin-user.id=demo",
        "camunda.bpm.admin-user.password=demo"})
@DirtiesContext
class RepliesEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    SmscSimulator simulator;
    @Autowired
    SuppressionList suppressions;

    EngineRest rest;

    @BeforeEach
    void setUp() {
        rest = new EngineRest(anonymous);
    }

    private List<ReceivedSubmit> submitsTo(String digits) {
        return Wire.submitsTo(simulator, digits);
    }

    private static String text(ReceivedSubmit pdu) {
        return Wire.text(pdu);
    }

    private String ask(String key, String to, String question) {
        String pi = rest.start("sms-ask", key, Map.of("to", to, "text", question, "locale", "fr"));
        await().atMost(TIMEOUT).until(() -> !submitsTo(to.substring(1)).isEmpty());
        return pi;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> crmCallbacks() {
        return rest.authenticated().getForObject("/api/crm-stub/callbacks", List.class);
    }

    @Test
    void a_reply_resumes_the_asking_instance_with_its_intent() {
        String pi = ask("appointment-1", "+33612340001", "RDV demain 10h. Répondez OUI pour confirmer.");

        simulator.deliverMo("+33612340001", "SMSFlows", "Oui !");

        Map<String, Object> vars = rest.awaitCompleted(pi, TIMEOUT);
        assertThat(vars).containsEntry("askOutcome", "answered")
                .containsEntry("smsReplyIntent", "CONFIRM")
                .containsEntry("smsReplyText", "Oui !")
                .containsEntry("smsReplyNormalised", "OUI");
    }

    @Test
    void a_number_choice_comes_back_as_choice() {
        String pi = ask("appointment-2", "+33612340004", "Créneaux: 1) lundi 2) mardi 3) jeudi. Répondez 1, 2 ou 3.");
        simulator.deliverMo("+33612340004", "SMSFlows", " 2 ");
        Map<String, Object> vars = rest.awaitCompleted(pi, TIMEOUT);
        assertThat(vars).containsEntry("smsReplyIntent", "CHOICE").containsEntry("smsReplyChoice", 2);
    }

    @Test
    void stop_suppresses_confirms_once_tells_the_crm_and_blocks_later_sends() {
        String number = "+33612340002";
        String digits = number.substring(1);
        String pi = ask("appointment-3", number, "RDV demain 10h. Répondez OUI pour confirmer.");

        simulator.deliverMo(number, "SMSFlows", "STOP");

        await().atMost(TIMEOUT).until(() -> suppressions.blocking(number, "SMSFlows").isPresent());
        await().atMost(TIMEOUT).until(() -> submitsTo(digits).size() == 2);
        // in the customer's language (a French number): the sms-templates decision's opt-out confirmation
        assertThat(SmsDecoder.decode(submitsTo(digits).get(1).dataCoding(), submitsTo(digits).get(1).shortMessage(),
                false).text()).startsWith("Désinscription confirmée").contains("START");
        await().atMost(TIMEOUT).until(() -> crmCallbacks().stream().anyMatch(c -> "unsubscribed".equals(c.get("event"))
                && number.equals(((Map<?, ?>) c.get("body")).get("phone"))));
        // the running question for that number ended (SmsUnsubscribed)
        Map<String, Object> asked = rest.awaitCompleted(pi, TIMEOUT);
        assertThat(asked).containsEntry("askOutcome", "optedOut");

        // a later send is refused before the outbox, and nothing more reaches the wire
        String later = rest.start("sms-ask", "appointment-4", Map.of("to", number, "text", "Rappel: RDV demain."));
        assertThat(rest.awaitCompleted(later, TIMEOUT)).containsEntry("askOutcome", "optedOut");
        simulator.deliverMo(number, "SMSFlows", "STOP"); // a second STOP: no second confirmation
        simulator.deliverMo(number, "SMSFlows", "YES"); // YES never re-subscribes
        await().during(Duration.ofSeconds(2)).atMost(TIMEOUT).until(() -> submitsTo(digits).size() == 2);
        assertThat(suppressions.blocking(number, "SMSFlows")).isPresent();
    }

    @Test
    void a_long_reply_in_several_parts_is_reassembled_before_it_is_read() {
        String pi = ask("appointment-5", "+33612340005", "RDV demain 10h. Répondez OUI pour confirmer.");
        String longReply = "Bonjour, je ne pourrai pas venir demain matin car je travaille, est-ce que ce serait "
                + "possible de décaler le rendez-vous à la semaine prochaine en fin d'après-midi ? Merci beaucoup !";
        simulator.deliverMo("+33612340005", "SMSFlows", longReply); // 2 UDH parts from the simulator
        Map<String, Object> vars = rest.awaitCompleted(pi, TIMEOUT);
        assertThat(vars).containsEntry("smsReplyText", longReply).containsEntry("smsReplyIntent", "UNKNOWN")
                .containsEntry("smsReplyPartial", false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_preview_answers_with_parts_and_cost_and_refuses_bad_input() {
        ResponseEntity<Map> ok = rest.authenticated().postForEntity("/api/sms/preview",
                Map.of("text", "“Black Friday” – 30% off…", "country", "FR", "smartReplacement", true), Map.class);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ok.getBody()).containsEntry("encoding", "GSM7").containsEntry("parts", 1)
                .containsEntry("sentText", "\"Black Friday\" - 30% off...").containsEntry("currency", "EUR");
        assertThat((List<?>) ok.getBody().get("replacements")).hasSize(4);
        ResponseEntity<Map> noText = rest.authenticated().postForEntity("/api/sms/preview", Map.of("country", "FR"),
                Map.class);
        assertThat(noText.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noText.getBody().get("detail").toString()).contains("'text' is required");
        ResponseEntity<Map> route = rest.authenticated().postForEntity("/api/sms/preview",
                Map.of("text", "Hi", "route", "nowhere"), Map.class);
        assertThat(route.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(anonymous.postForEntity("/api/sms/preview", Map.of("text", "Hi"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_message_without_conversation_gets_the_help_text_once() {
        String number = "+33612340003";
        simulator.deliverMo(number, "SMSFlows", "Bonjour, c'est pour quoi ?");
        await().atMost(TIMEOUT).until(() -> submitsTo(number.substring(1)).size() == 1);
        assertThat(rest.instancesOf("sms-unsolicited-reply")).isNotEmpty();
    }

    @Test
    void suppressions_over_rest_are_authenticated_validated_and_audited() {
        TestRestTemplate crm = rest.authenticated();
        assertThat(anonymous.getForEntity("/api/suppressions", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<Map> bad = crm.postForEntity("/api/suppressions", Map.of("phone", "12"), Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("detail").toString()).isNotBlank();

        ResponseEntity<Map> added = crm.postForEntity("/api/suppressions",
                Map.of("phone", "+33612340009", "reason", "unsubscribed on the website"), Map.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody()).containsEntry("source", "CRM").containsEntry("createdBy", "demo");
        assertThat(crm.getForObject("/api/suppressions?phone=+33612340009", List.class)).hasSize(1);

        ResponseEntity<Map> noReason = crm.exchange("/api/suppressions/+33612340009", HttpMethod.DELETE, null, Map.class);
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<Map> removed = crm.exchange("/api/suppressions/+33612340009?reason=customer asked by phone",
                HttpMethod.DELETE, null, Map.class);
        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> history = crm.getForObject("/api/suppressions/+33612340009/history", List.class);
        assertThat(history).extracting(h -> h.get("action")).containsExactly("SUPPRESSED", "RESUBSCRIBED");
        assertThat(history).extracting(h -> h.get("actor")).containsOnly("demo");
        // a CRM opt-out sends no SMS unless configured
        assertThat(submitsTo("33612340009")).isEmpty();
    }
}
