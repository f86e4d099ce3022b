package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsflows.sms.simulator.SmscSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Sending windows in the running app, on a clock the test moves: the pipeline checks each recipient's window when a
 * message would go on the wire. An abandoned cart at 22:30 in Paris is reminded at 08:00 the next morning, and
 * nothing is on the wire before; a batch to France, the US west coast and Japan started at one instant reaches each
 * recipient inside their own window.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e-windows;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-windows",
        "smsflows.simulator.port=0",
        "smsflows.simulator.receipt-delay=20ms",
        "smsflows.senders.numeric-fallback=+14155550100",
        "smsflows.consent.marketing=CRM_ASSERTED", // the batch's recipients have no records; consent: ConsentEndToEndTest
        "smsflows.crm.username=demo",
        "smsflows.crm.password=demo",
        "camunda.bpm.admin-user.id=demo",
        "camunda.bpm.admin-user.password=demo"})
@DirtiesContext
class SendingWindowsEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Monday 7 December 2026, 21:30 UTC: 22:30 in Paris, 13:30 in San Francisco, 06:30 on Tuesday in Tokyo. */
    private static final Instant START = Instant.parse("2026-12-07T21:30:00Z");

    /** The pipeline's clock, moved by the tests. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(START);

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        MovableClock smsFlowsClock() {
            return new MovableClock();
        }
    }

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    SmscSimulator simulator;
    @Autowired
    MovableClock clock;

    TestRestTemplate rest;

    @BeforeEach
    void setUp() {
        clock.set(START);
        rest = new EngineRest(anonymous).authenticated();
    }

    private boolean onTheWire(String e164) {
        return !Wire.submitsTo(simulator, e164.substring(1)).isEmpty();
    }

    /** Lets the pipeline's pollers run a few rounds at the current (fixed) time. */
    private static void pollersRun() throws InterruptedException {
        Thread.sleep(1500);
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_abandoned_cart_at_half_past_ten_in_paris_is_reminded_at_eight_the_next_morning() throws Exception {
        Map<String, Object> cart = new HashMap<>(Map.of("cartId", "cart-night", "phone", "+33612340601",
                "firstName", "Ana", "locale", "fr", "shopName", "Maison Lune",
                "cartLink", "https://shop.example/c/night", "cartValue", 59.9, "delay", "PT1S",
                "marketingConsent", true));
        ResponseEntity<Map> started = rest.postForEntity("/api/journeys/abandoned-cart", cart, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // the reminder is due after a second: it is queued, and deferred to the window
        await().atMost(TIMEOUT).until(() -> "DEFERRED".equals(deferredCode("+33612340601")));
        clock.set(Instant.parse("2026-12-08T06:59:00Z")); // 07:59 in Paris
        pollersRun();
        assertThat(onTheWire("+33612340601")).as("nothing on the wire before 08:00").isFalse();

        clock.set(Instant.parse("2026-12-08T07:00:05Z")); // 08:00:05 in Paris
        await().atMost(TIMEOUT).until(() -> onTheWire("+33612340601"));
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String deferredCode(String recipient) {
        return jdbc.query("select error_code from sms_message where recipient = ?", rs -> rs.next()
                ? rs.getString(1) : null, recipient);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_batch_to_three_time_zones_reaches_each_recipient_inside_their_own_window() throws Exception {
        String paris = "+33612340602";
        String sanFrancisco = "+14155550602";
        String tokyo = "+819012340602";
        Map<String, Object> batch = new java.util.LinkedHashMap<>(); // recipients last: the batch is streamed
        batch.put("text", "Soldes -30% ce week-end");
        batch.put("category", "marketing");
        batch.put("sender", "SHOP");
        batch.put("recipients", java.util.List.of(Map.of("to", paris), Map.of("to", sanFrancisco), Map.of("to", tokyo)));
        ResponseEntity<Map> accepted = rest.postForEntity("/api/sms/batches", batch, Map.class);
        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        String id = (String) accepted.getBody().get("id");

        await().atMost(TIMEOUT).until(() -> onTheWire(sanFrancisco)); // 13:30 there: open
        await().atMost(TIMEOUT).until(() -> {
            Map<String, Object> status = rest.getForObject("/api/sms/batches/" + id, Map.class);
            return Integer.valueOf(2).equals(status.get("deferred"));
        });
        Map<String, Object> status = rest.getForObject("/api/sms/batches/" + id, Map.class);
        assertThat(Instant.parse((String) status.get("nextOpening"))).isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
        assertThat(onTheWire(paris)).isFalse();
        assertThat(onTheWire(tokyo)).isFalse();

        clock.set(Instant.parse("2026-12-08T00:00:05Z")); // 09:00 in Tokyo, 01:00 in Paris
        await().atMost(TIMEOUT).until(() -> onTheWire(tokyo));
        pollersRun();
        assertThat(onTheWire(paris)).isFalse();

        clock.set(Instant.parse("2026-12-08T07:00:05Z")); // 08:00 in Paris
        await().atMost(TIMEOUT).until(() -> onTheWire(paris));
    }
}
