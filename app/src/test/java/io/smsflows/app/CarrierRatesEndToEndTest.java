package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsflows.sms.simulator.SimulatorProperties;
import io.smsflows.sms.simulator.SmscSimulator;
import io.smsflows.sms.simulator.SmscSimulator.ReceivedSubmit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
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
 * Issue 10: the carrier's rate in parts, several binds, throttling and a dropped connection, against the built-in
 * simulator with its faults. Three binds at 40 parts/s each, against an SMSC that throttles above 40 submit_sm per
 * bind in any sliding second. Behaviour only; the rates reached are measured by the load tool (docs/performance.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e-carrier;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-carrier",
        "smsflows.simulator.port=0",
        "smsflows.simulator.receipt-delay=20ms",
        "smsflows.smpp.binds=3",
        "smsflows.smpp.parts-per-second=40",
        "smsflows.smpp.transaction-timer=2s",
        "smsflows.smpp.reconnect-delay=500ms",
        "smsflows.outbox.initial-backoff=200ms",
        "smsflows.batches.progress-interval=100ms",
        "camunda.bpm.admin-user.id=demo",
        "camunda.bpm.admin-user.password=demo"})
@DirtiesContext
class CarrierRatesEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int CAP = 40;

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    SmscSimulator simulator;
    @Autowired
    SimulatorProperties faults;
    @Autowired
    JdbcTemplate jdbc;

    private static boolean warm;

    /**
     * A JVM's first submits run cold code (class loading, interpreter) between the rate's check and the socket, and
     * bunch up; the app handles the throttling that causes (resent at once), but the cap is asserted warm, as a
     * carrier sees a running app.
     */
    @BeforeEach
    void capTheSmsc() {
        await().atMost(TIMEOUT).until(() -> simulator.bindCount() == 3);
        if (!warm) {
            awaitEnded(send("warm-up", "+49151190", 120));
            warm = true;
        }
        faults.setMaxSubmitsPerSecond(CAP);
        simulator.clearReceived();
    }

    @AfterEach
    void noFaults() {
        faults.setMaxSubmitsPerSecond(0);
        faults.setThrottleEvery(0);
        simulator.dropConnectionAfter(0);
    }

    @Test
    void a_capped_smsc_is_never_throttled_and_every_bind_carries_its_share() {
        String batch = send("rate", "+49151140", 240);
        assertThat(awaitEnded(batch)).containsEntry("delivered", 240);
        assertThat(simulator.throttledCount()).as("ESME_RTHROTTLED answers; max per bind %d, per second all binds %d", simulator.maxPerSecondPerBind(), simulator.maxPerSecond()).isZero();
        assertThat(simulator.maxPerSecondPerBind()).as("most submit_sm per bind in a sliding second")
                .isLessThanOrEqualTo(CAP);
        Map<String, Long> perBind = wireTo("4915114").stream()
                .collect(Collectors.groupingBy(ReceivedSubmit::systemId, Collectors.counting()));
        assertThat(perBind).hasSize(3);
        perBind.values().forEach(n -> assertThat(n).isEqualTo(80L)); // messages dealt in turn
    }

    @Test
    void throttled_parts_are_sent_again_at_once_without_using_up_attempts() {
        faults.setThrottleEvery(7);
        String batch = send("throttled", "+49151150", 140);
        assertThat(awaitEnded(batch)).containsEntry("delivered", 140).containsEntry("failed", 0);
        assertThat(simulator.throttledCount()).isGreaterThanOrEqualTo(20);
        // every number is on the wire once (a throttled submit_sm is refused, not stored)
        Map<String, Long> perNumber = wireTo("4915115").stream()
                .collect(Collectors.groupingBy(ReceivedSubmit::destAddr, Collectors.counting()));
        assertThat(perNumber).hasSize(140).allSatisfy((number, n) -> assertThat(n).isEqualTo(1L));
        assertThat(jdbc.queryForObject("select max(attempts) from sms_message where batch_id = ?", Integer.class,
                batch)).as("attempts used").isZero();
    }

    @Test
    void a_dropped_connection_loses_nothing_and_counts_what_was_never_answered() {
        simulator.dropConnectionAfter(30);
        String batch = send("dropped", "+49151160", 90);
        assertThat(awaitEnded(batch)).containsEntry("delivered", 90);
        assertThat(simulator.droppedCount()).isEqualTo(1);
        Map<String, Long> perNumber = wireTo("4915116").stream()
                .collect(Collectors.groupingBy(ReceivedSubmit::destAddr, Collectors.counting()));
        assertThat(perNumber).hasSize(90);
        // a number on the wire twice was resent after its submit_sm went unanswered: counted on its message
        Map<String, Integer> counted = jdbc.queryForList("select recipient, possible_duplicates from sms_message "
                + "where batch_id = ?", batch).stream().collect(Collectors.toMap(
                r -> ((String) r.get("recipient")).substring(1), r -> ((Number) r.get("possible_duplicates")).intValue()));
        perNumber.forEach((number, n) -> assertThat(counted.get(number)).as(number).isGreaterThanOrEqualTo((int) (n - 1)));
        assertThat(counted.values().stream().mapToInt(Integer::intValue).sum()).isPositive();
    }

    @SuppressWarnings("unchecked")
    private String send(String key, String prefix, int count) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add("{\"to\":\"" + prefix + String.format("%05d", i) + "\"}");
        }
        String body = "{\"category\":\"transactional\",\"text\":\"Your code is 1234\",\"idempotencyKey\":\"" + key
                + "\",\"recipients\":[" + String.join(",", rows) + "]}";
        ResponseEntity<Map> response = rest().postForEntity("/api/sms/batches",
                new org.springframework.http.HttpEntity<>(body, jsonHeaders()), Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return (String) response.getBody().get("id");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitEnded(String id) {
        Function<String, Map<String, Object>> status = b -> rest().getForObject("/api/sms/batches/" + b, Map.class);
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> status.apply(id).get("doneAt") != null);
        Map<String, Object> counts = status.apply(id);
        return (Map<String, Object>) counts.getOrDefault("counts", counts);
    }

    private List<ReceivedSubmit> wireTo(String digitsPrefix) {
        return simulator.received().stream().filter(s -> s.destAddr().startsWith(digitsPrefix)).toList();
    }

    private TestRestTemplate rest() {
        return anonymous.withBasicAuth("demo", "demo");
    }

    private static org.springframework.http.HttpHeaders jsonHeaders() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return headers;
    }
}
