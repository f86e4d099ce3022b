package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsflows.sms.simulator.SmscSimulator;
import io.smsflows.sms.simulator.SmscSimulator.ReceivedSubmit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

/** A CRM drives the abandoned-cart journey over the thin JSON API; the reminder goes through the simulator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "smsflows.windows.enabled=false", // runs at any hour; sending windows: SendingWindowsEndToEndTest
        "spring.datasource.url=jdbc:h2:mem:e2e-journeys;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-journeys",
        "smsflows.simulator.port=0",
        "smsflows.simulator.receipt-delay=20ms",
        "smsflows.crm.username=demo",
        "smsflows.crm.password=demo",
        "camunda.bpm.admin-user.id=demo",
        "camunda.bpm.admin-user.password=demo"})
@DirtiesContext
class JourneysEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    SmscSimulator simulator;
    @Autowired
    IdentityService identity;

    EngineRest rest;
    TestRestTemplate crm;

    @BeforeEach
    void setUp() {
        rest = new EngineRest(anonymous);
        crm = rest.authenticated();
    }

    private List<ReceivedSubmit> submitsTo(String digits) {
        return Wire.submitsTo(simulator, digits);
    }

    private static Map<String, Object> cart(String id, String phone, boolean consent) {
        Map<String, Object> body = new HashMap<>(Map.of("cartId", id, "phone", phone, "firstName", "Ana",
                "locale", "en", "shopName", "Maison Lune", "cartLink", "https://shop.example/c/" + id,
                "cartValue", 59.9, "delay", "PT1S", "marketingConsent", consent));
        return body;
    }

    @Test
    @SuppressWarnings("unchecked")
    void reminder_on_the_wire_then_the_order_recovers_the_cart() {
        ResponseEntity<Map> started = crm.postForEntity("/api/journeys/abandoned-cart",
                cart("cart-1", "+33612340101", true), Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String pi = (String) started.getBody().get("id");
        ResponseEntity<Map> again = crm.postForEntity("/api/journeys/abandoned-cart",
                cart("cart-1", "+33612340101", true), Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK); // idempotent on the cart id
        assertThat(again.getBody()).containsEntry("id", pi).containsEntry("created", false);

        await().atMost(TIMEOUT).until(() -> !submitsTo("33612340101").isEmpty());
        String text = new String(submitsTo("33612340101").get(0).shortMessage(), StandardCharsets.ISO_8859_1);
        assertThat(text).contains("Ana").contains("Maison Lune").contains("STOP");

        await().atMost(TIMEOUT).until(() -> crm.postForEntity("/api/journeys/cart-1/events/order-placed",
                Map.of("orderValue", 59.9), Map.class).getStatusCode().is2xxSuccessful());
        Map<String, Object> vars = rest.awaitCompleted(pi, TIMEOUT);
        assertThat(vars).containsEntry("cartOutcome", "recovered").containsEntry("recoveredRevenue", 59.9);
    }

    @Test
    @SuppressWarnings("unchecked")
    void appointment_reminder_on_the_wire_yes_through_the_simulator_confirms_and_tells_the_crm() {
        // one reminder, due 5 s from now (T-1h before a start 1 h 5 s ahead)
        String start = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(1)).plusHours(1).plusSeconds(5)
                .withNano(0).toString();
        ResponseEntity<Map> started = crm.postForEntity("/api/journeys/appointment-reminder", Map.of(
                "appointmentId", "apt-100", "phone", "+33612340201", "firstName", "Ana", "locale", "fr",
                "appointmentStart", start, "place", "12 rue Pasteur", "service", "consultation",
                "reminderPlan", "T-PT1H"), Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String pi = (String) started.getBody().get("id");

        await().atMost(TIMEOUT).until(() -> !submitsTo("33612340201").isEmpty());
        String reminder = new String(submitsTo("33612340201").get(0).shortMessage(), StandardCharsets.ISO_8859_1);
        assertThat(reminder).startsWith("Rappel : Ana");
        simulator.deliverMo("+33612340201", "SMSFlows", "Oui");

        Map<String, Object> vars = rest.awaitCompleted(pi, TIMEOUT);
        assertThat(vars).containsEntry("appointmentOutcome", "confirmed").containsEntry("smsReplyIntent", "CONFIRM");
        List<Map<String, Object>> callbacks = crm.getForObject("/api/crm-stub/callbacks", List.class);
        assertThat(callbacks).anyMatch(c -> "confirmed".equals(c.get("event"))
                && "apt-100".equals(((Map<?, ?>) c.get("body")).get("businessKey")));
        await().atMost(TIMEOUT).until(() -> submitsTo("33612340201").size() == 2); // the thank-you
    }

    @Test
    @SuppressWarnings("unchecked")
    void appointment_start_is_validated_and_a_cancellation_before_any_reminder_sends_nothing() {
        ResponseEntity<Map> past = crm.postForEntity("/api/journeys/appointment-reminder", Map.of(
                "appointmentId", "apt-101", "phone", "+33612340202", "firstName", "Ana",
                "appointmentStart", "2020-01-01T10:00:00+01:00", "place", "x", "reminderPlan", "sometime"), Map.class);
        assertThat(past.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) past.getBody().get("errors")).containsKeys("appointmentStart", "service");

        String start = java.time.OffsetDateTime.now().plusDays(5).withNano(0).toString();
        String pi = (String) crm.postForEntity("/api/journeys/appointment-reminder", Map.of("appointmentId", "apt-102",
                "phone", "+33612340203", "firstName", "Ana", "appointmentStart", start, "place", "x",
                "service", "check-up"), Map.class)
                .getBody().get("id");
        await().atMost(TIMEOUT).until(() -> crm.postForEntity("/api/journeys/apt-102/events/appointment-cancelled",
                Map.of(), Map.class).getStatusCode().is2xxSuccessful());
        assertThat(rest.awaitCompleted(pi, TIMEOUT)).containsEntry("appointmentOutcome", "cancelled");
        assertThat(submitsTo("33612340203")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void stop_in_reply_to_the_cart_reminder_ends_the_journey_and_tells_the_crm() {
        String pi = (String) crm.postForEntity("/api/journeys/abandoned-cart", cart("cart-5", "+33612340105", true),
                Map.class).getBody().get("id");
        await().atMost(TIMEOUT).until(() -> !submitsTo("33612340105").isEmpty());

        simulator.deliverMo("+33612340105", "SMSFlows", "STOP");

        assertThat(rest.awaitCompleted(pi, TIMEOUT)).containsEntry("cartOutcome", "suppressed");
        await().atMost(TIMEOUT).until(() -> ((List<Map<String, Object>>) crm.getForObject("/api/crm-stub/callbacks",
                List.class)).stream().anyMatch(c -> "unsubscribed".equals(c.get("event"))
                && "+33612340105".equals(((Map<?, ?>) c.get("body")).get("phone"))));
        // the reminder and the one opt-out confirmation, nothing else (no nudge, no second reminder)
        await().during(Duration.ofSeconds(2)).atMost(TIMEOUT).until(() -> submitsTo("33612340105").size() == 2);
    }

    @Test
    void without_marketing_consent_nothing_is_sent() {
        ResponseEntity<Map> started = crm.postForEntity("/api/journeys/abandoned-cart",
                cart("cart-2", "+33612340102", false), Map.class);
        Map<String, Object> vars = rest.awaitCompleted((String) started.getBody().get("id"), TIMEOUT);
        assertThat(vars).containsEntry("cartOutcome", "noConsent");
        assertThat(submitsTo("33612340102")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void bad_input_gets_field_errors_and_starts_nothing() {
        Map<String, Object> body = cart("cart-3", "0612", true);
        body.remove("shopName");
        body.put("cartLink", "ftp://x");
        ResponseEntity<Map> bad = crm.postForEntity("/api/journeys/abandoned-cart", body, Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) bad.getBody().get("errors")).containsKeys("phone", "shopName", "cartLink");
        assertThat(rest.instancesOf("abandoned-cart")).noneMatch(i -> "cart-3".equals(i.get("businessKey")));
        ResponseEntity<Map> unknown = crm.postForEntity("/api/journeys/no-such-cart/events/order-placed", Map.of(),
                Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(anonymous.postForEntity("/api/journeys/abandoned-cart", cart("cart-4", "+33612340104", true),
                String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_crm_sends_only_the_events_journeys_declare_never_the_pipelines_messages() {
        Map<String, Object> cart = cart("cart-7", "+33612340107", true);
        cart.put("delay", "PT1H");
        ResponseEntity<Map> started = crm.postForEntity("/api/journeys/abandoned-cart", cart, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) started.getBody().get("id");

        for (String event : List.of("sms-reply", "SmsDelivered", "sms-unsubscribed", "sms-batch-completed")) {
            ResponseEntity<Map> refused = crm.postForEntity("/api/journeys/cart-7/events/" + event, Map.of(),
                    Map.class);
            assertThat(refused.getStatusCode()).as(event).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat((String) refused.getBody().get("detail")).contains("only the pipeline sends it", "OrderPlaced");
        }
        ResponseEntity<Map> unknown = crm.postForEntity("/api/journeys/cart-7/events/payment-received", Map.of(),
                Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) unknown.getBody().get("detail"))
                .contains("PaymentReceived", "AppointmentCancelled", "AppointmentChanged", "OrderPlaced")
                .doesNotContain("SmsReply");
        // the journey did not move: still running, no message correlated into it
        assertThat(rest.state(id)).isEqualTo("ACTIVE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_fixed_line_number_is_refused_at_start_not_at_reminder_time() {
        ResponseEntity<Map> refused = crm.postForEntity("/api/journeys/abandoned-cart",
                cart("cart-fixed", "+33140000000", true), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(((Map<String, Object>) refused.getBody().get("errors")).get("phone").toString())
                .contains("fixed line").doesNotContain("40000000");
        assertThat(rest.instancesOf("abandoned-cart").stream().map(i -> i.get("businessKey")))
                .doesNotContain("cart-fixed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_user_without_permission_gets_403_saying_what_is_missing_not_500() {
        User user = identity.newUser("norights");
        user.setPassword("norights-pw");
        identity.saveUser(user);
        ResponseEntity<Map> started = crm.postForEntity("/api/journeys/abandoned-cart",
                cart("cart-8", "+33612340108", true), Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map> refused = anonymous.withBasicAuth("norights", "norights-pw")
                .postForEntity("/api/journeys/cart-8/events/order-placed", Map.of(), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) refused.getBody().get("detail")).contains("norights", "crm");
        assertThat(rest.state((String) started.getBody().get("id"))).isEqualTo("ACTIVE");
    }
}
