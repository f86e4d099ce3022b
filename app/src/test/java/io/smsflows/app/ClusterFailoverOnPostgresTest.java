package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsflows.sms.simulator.SimulatorProperties;
import io.smsflows.sms.simulator.SmscSimulator;
import io.smsflows.sms.simulator.SmscSimulator.ReceivedSubmit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two app nodes (separate JVMs) on one PostgreSQL database and one SMSC share a batch; one node is killed
 * (SIGKILL) while it sends. The other takes its messages over when their lease runs out. Nothing is lost, and nothing
 * goes out twice except parts that were on the wire without a recorded answer when the node died: those are counted
 * as possible duplicates on their messages.
 */
class ClusterFailoverOnPostgresTest {

    private static final String DATABASE = "smsflows_cluster_" + ProcessHandle.current().pid();
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes());
    private static final int MESSAGES = 3000;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> nodes = new ArrayList<>();
    private SmscSimulator smsc;

    @AfterEach
    void tearDown() {
        nodes.forEach(Process::destroyForcibly);
        if (smsc != null) {
            smsc.close();
        }
    }

    @Test
    void a_node_killed_while_sending_loses_nothing_and_duplicates_only_what_it_counted() throws Exception {
        TestPostgres.freshDatabase(DATABASE);
        SimulatorProperties config = new SimulatorProperties();
        config.setPort(0);
        config.setReceiptDelay(Duration.ofMillis(20));
        // a slow SMSC, so the killed node has chunks on the wire when it dies
        config.setResponseDelay(Duration.ofMillis(100));
        config.setRecorded(MESSAGES * 3);
        smsc = new SmscSimulator(config);

        int portA = freePort();
        int portB = freePort();
        Process a = node("a", portA);
        awaitHealthy(a, portA);
        Process b = node("b", portB);
        awaitHealthy(b, portB);

        StringBuilder ndjson = new StringBuilder("{\"category\":\"marketing\",\"text\":\"Black Friday -30%, {{n}}\"}\n");
        for (int i = 0; i < MESSAGES; i++) {
            ndjson.append(String.format("{\"to\":\"+49151190%05d\",\"variables\":{\"n\":\"%d\"}}%n", i, i));
        }
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portB
                        + "/api/sms/batches")).header("Authorization", AUTH).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String batch = accepted.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        // kill node a while it holds claimed messages, some of them on the wire
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> smsc.submitCount() >= MESSAGES / 4 && claimedBy("node-a") > 0);
        a.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        int claimedByA = claimedBy("node-a");

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("select count(*) from sms_message where batch_id = ? and status in "
                        + "('QUEUED', 'SENDING', 'SUBMITTED')", batch) == 0);

        assertThat(count("select count(*) from sms_message where batch_id = ? and status = 'DELIVERED'", batch))
                .as("nothing lost").isEqualTo(MESSAGES);
        assertThat(count("select delivered from sms_batch where id = ?", batch)).as("the batch's counter")
                .isEqualTo(MESSAGES);
        assertThat(count("select queued + submitted + failed from sms_batch where id = ?", batch)).isZero();
        Map<String, Long> submitsPerNumber = smsc.received().stream()
                .collect(Collectors.groupingBy(ReceivedSubmit::destAddr, Collectors.counting()));
        assertThat(submitsPerNumber).hasSize(MESSAGES);
        Map<String, Integer> counted = possibleDuplicates(batch);
        long duplicates = 0;
        for (Map.Entry<String, Long> e : submitsPerNumber.entrySet()) {
            if (e.getValue() > 1) {
                duplicates += e.getValue() - 1;
                assertThat(counted.getOrDefault("+" + e.getKey(), 0)).as("a duplicate of %s is counted", e.getKey())
                        .isGreaterThanOrEqualTo((int) (e.getValue() - 1));
            }
        }
        assertThat(claimedByA).as("node a held messages when it died").isPositive();
        System.out.printf("node a died holding %d messages; %d sent twice, %d counted as possible duplicates%n",
                claimedByA, duplicates, counted.values().stream().mapToInt(Integer::intValue).sum());
    }

    private Process node(String name, int port) throws IOException {
        Path log = Files.createTempFile("smsflows-node-" + name, ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                SmsFlowsApplication.class.getName(), "--server.port=" + port,
                "--spring.datasource.url=" + TestPostgres.SERVER + DATABASE,
                "--spring.datasource.username=" + TestPostgres.USER,
                "--spring.datasource.password=", "--smsflows.simulator.mode=OFF", "--smsflows.smpp.host=127.0.0.1",
                "--smsflows.smpp.port=" + smsc.port(), "--smsflows.outbox.node-id=node-" + name,
                "--smsflows.outbox.lease=5s", "--smsflows.outbox.chunk-size=50",
                "--camunda.bpm.admin-user.id=demo", "--camunda.bpm.admin-user.password=demo",
                "--logging.level.io.smsflows=WARN",
                "--smsflows.windows.enabled=false", // runs at any hour; windows: SendingWindowsEndToEndTest
                "--smsflows.consent.marketing=CRM_ASSERTED")); // consent records: ConsentEndToEndTest
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        nodes.add(process);
        return process;
    }

    private void awaitHealthy(Process process, int port) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("node on port %d started", port).isTrue();
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private int claimedBy(String node) throws SQLException {
        return count("select count(*) from sms_message where status = 'SENDING' and claimed_by = ?", node);
    }

    private int count(String sql, String arg) throws SQLException {
        try (Connection c = TestPostgres.connect(DATABASE);
             var ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private Map<String, Integer> possibleDuplicates(String batch) throws SQLException {
        Map<String, Integer> counted = new HashMap<>();
        try (Connection c = TestPostgres.connect(DATABASE);
             var ps = c.prepareStatement("select recipient, possible_duplicates from sms_message where batch_id = ? "
                     + "and possible_duplicates > 0")) {
            ps.setString(1, batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counted.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return counted;
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
