package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsflows.sms.simulator.SimulatorProperties;
import io.smsflows.sms.simulator.SmscSimulator;
import io.smsflows.sms.smpp.SmppRoutes;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two carriers in the running app, each a real SMPP server: "main" is the built-in simulator, "backup" a second
 * simulator that is not running when the app starts. German mobiles prefer backup and fail over to main; France takes
 * the cheaper; nothing else has a route. Every message records its rule and carrier; backup's binds connect when it
 * comes up and routing takes it back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e-routing;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-routing",
        "smsflows.simulator.port=0",
        "smsflows.simulator.receipt-delay=20ms",
        "smsflows.smpp.reconnect-delay=200ms",
        "smsflows.outbox.initial-backoff=200ms",
        "smsflows.carriers.main.binds=2",
        "smsflows.carriers.main.cost-per-part.FR=0.05",
        "smsflows.carriers.backup.host=127.0.0.1",
        "smsflows.carriers.backup.cost-per-part.FR=0.03",
        "smsflows.routes[0].name=de-mobile",
        "smsflows.routes[0].match.prefix=+4915",
        "smsflows.routes[0].targets=backup,main",
        "smsflows.routes[1].name=fr-cheapest",
        "smsflows.routes[1].match.country=FR",
        "smsflows.routes[1].strategy=least-cost",
        "camunda.bpm.admin-user.id=demo",
        "camunda.bpm.admin-user.password=demo"})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CarrierRoutingEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int BACKUP_PORT = freePort();
    private static SmscSimulator backup;

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    SmscSimulator main;
    @Autowired
    SmppRoutes routes;
    @Autowired
    JdbcTemplate jdbc;

    EngineRest rest;

    @DynamicPropertySource
    static void backupPort(DynamicPropertyRegistry registry) {
        registry.add("smsflows.carriers.backup.port", () -> BACKUP_PORT);
    }

    @BeforeEach
    void setUp() {
        rest = new EngineRest(anonymous);
    }

    @AfterAll
    static void stopBackup() {
        if (backup != null) {
            backup.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> record(String processInstanceId) {
        return jdbc.queryForMap("select carrier, route_rule, status, error_code, error_text from sms_message "
                + "where process_instance_id = ?", processInstanceId);
    }

    @Test
    @Order(1)
    void with_backup_down_german_mobiles_fail_over_to_main_and_health_says_so() {
        String pi = rest.startSendAndTrack("route-1", "+4915112340101", "Ihr Paket kommt heute");

        assertThat(rest.awaitCompleted(pi, TIMEOUT)).containsEntry("outcome", "delivered")
                .containsEntry("smsCarrier", "main").containsEntry("smsRoute", "de-mobile"); // visible in Cockpit
        assertThat(record(pi)).containsEntry("CARRIER", "main").containsEntry("ROUTE_RULE", "de-mobile");
        assertThat(Wire.submitsTo(main, "4915112340101")).hasSize(1);

        @SuppressWarnings("unchecked")
        Map<String, Object> health = rest.authenticated().getForObject("/actuator/health/smsBinds", Map.class);
        assertThat(health.get("status")).isEqualTo("DEGRADED");
        assertThat((String) ((Map<String, Object>) health.get("details")).get("reason")).contains("backup");
    }

    @Test
    @Order(2)
    void a_message_no_rule_matches_fails_into_its_process_with_no_route() {
        String pi = rest.startSendAndTrack("route-2", "+34612340142", "Su pedido ha salido");

        Map<String, Object> vars = rest.awaitCompleted(pi, TIMEOUT);
        assertThat(vars).containsEntry("outcome", "failed").containsEntry("smsErrorCode", "NO_ROUTE");
        assertThat((String) vars.get("smsErrorText")).contains("smsflows.routes");
        assertThat(Wire.submitsTo(main, "34612340142")).isEmpty();
    }

    @Test
    @Order(3)
    void when_backup_comes_up_routing_takes_it_back_and_its_receipts_come_home() throws IOException {
        SimulatorProperties config = new SimulatorProperties();
        config.setPort(BACKUP_PORT);
        config.setReceiptDelay(Duration.ofMillis(20));
        backup = new SmscSimulator(config);
        await().atMost(TIMEOUT).until(() -> routes.isAvailable("backup"));

        String de = rest.startSendAndTrack("route-3", "+4915112340103", "Ihr Paket kommt heute");
        String fr = rest.startSendAndTrack("route-4", "+33612340104", "Votre colis arrive");

        assertThat(rest.awaitCompleted(de, TIMEOUT)).containsEntry("outcome", "delivered");
        assertThat(rest.awaitCompleted(fr, TIMEOUT)).containsEntry("outcome", "delivered");
        assertThat(record(de)).containsEntry("CARRIER", "backup").containsEntry("ROUTE_RULE", "de-mobile");
        assertThat(record(fr)).containsEntry("CARRIER", "backup").containsEntry("ROUTE_RULE", "fr-cheapest");
        assertThat(Wire.submitsTo(backup, "4915112340103")).hasSize(1);
        assertThat(Wire.submitsTo(main, "4915112340103")).isEmpty();
    }
}
