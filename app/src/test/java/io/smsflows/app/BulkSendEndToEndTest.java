package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsflows.sms.simulator.SmscSimulator;
import io.smsflows.sms.simulator.SmscSimulator.ReceivedSubmit;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
 * Bulk sends in the running app, through the REST API and the simulator: the counts add up, every accepted number
 * is on the wire once, bad input stores nothing, cancel stops what is queued, and a process waits for its batch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "smsflows.windows.enabled=false", // runs at any hour; sending windows: SendingWindowsEndToEndTest
        "smsflows.consent.marketing=CRM_ASSERTED", // consent records at the wire: ConsentEndToEndTest
        "spring.datasource.url=jdbc:h2:mem:e2e-bulk;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-bulk",
        "smsflows.simulator.port=0",
        "smsflows.simulator.receipt-delay=20ms",
        "smsflows.batches.max-recipients=1000",
        "smsflows.batches.progress-interval=100ms",
        "smsflows.senders.numeric-fallback=+14155550100",
        "camunda.bpm.admin-user.id=demo",
        "camunda.bpm.admin-user.password=demo"})
@DirtiesContext
class BulkSendEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    SmscSimulator simulator;
    @Autowired
    JdbcTemplate jdbc;

    private TestRestTemplate rest;

    @BeforeEach
    void setUp() {
        rest = anonymous.withBasicAuth("demo", "demo");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String body, MediaType type, String query, HttpStatus expected) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        // a URI, not a template: the query may hold {{placeholders}}
        URI uri = URI.create(anonymous.getRootUri() + "/api/sms/batches" + query);
        ResponseEntity<Map> response = rest.postForEntity(uri, new HttpEntity<>(body, headers), Map.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(expected);
        return response.getBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> status(String id) {
        return rest.getForObject("/api/sms/batches/" + id, Map.class);
    }

    private Map<String, Object> awaitEnded(String id) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> !List.of("ACCEPTED", "SENDING").contains(status(id).get("state"))
                        && status(id).get("doneAt") != null);
        return status(id);
    }

    private List<ReceivedSubmit> wireTo(String digitsPrefix) {
        return simulator.received().stream().filter(s -> s.destAddr().startsWith(digitsPrefix)).toList();
    }

    private static String json(String key, List<String> numbers, String extraRows) {
        String rows = numbers.stream().map(n -> "{\"to\":\"" + n + "\",\"variables\":{\"firstName\":\"N" + n.substring(
                n.length() - 3) + "\"}}").collect(Collectors.joining(","));
        return "{\"category\":\"marketing\",\"sender\":\"SHOP\",\"text\":\"Hi {{firstName}}, -30% today\","
                + "\"idempotencyKey\":\"" + key + "\",\"recipients\":[" + rows + extraRows + "]}";
    }

    @Test
    void a_named_sender_is_replaced_by_the_fallback_number_where_names_are_not_delivered() {
        Map<String, Object> receipt = post("{\"text\":\"Your parcel is on its way\",\"sender\":\"SHOP\","
                + "\"recipients\":[{\"to\":\"+14155550123\"},{\"to\":\"+33612340777\"}]}",
                MediaType.APPLICATION_JSON, "", HttpStatus.ACCEPTED);
        assertThat(awaitEnded((String) receipt.get("id"))).containsEntry("delivered", 2);
        ReceivedSubmit us = wireTo("14155550123").get(0);
        ReceivedSubmit fr = wireTo("33612340777").get(0);
        assertThat(us.sourceAddr()).isEqualTo("14155550100");
        assertThat(fr.sourceAddr()).isEqualTo("SHOP");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_batch_goes_out_once_per_number_and_its_counts_add_up() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            numbers.add(String.format("+49151130%05d", i));
        }
        numbers.add("+4915199990150"); // the simulator answers UNDELIV
        numbers.add("+4915199990250"); // the simulator refuses it in submit_sm_resp

        Map<String, Object> receipt = post(json("bulk-1", numbers, ",{\"to\":\"0612\"},{\"to\":\"+4915113000001\"}"),
                MediaType.APPLICATION_JSON, "", HttpStatus.ACCEPTED);

        assertThat(receipt).containsEntry("accepted", 202).containsEntry("rejectedCount", 2);
        assertThat((List<Map<String, Object>>) receipt.get("rejected")).extracting(r -> r.get("index"))
                .containsExactly(202, 203);
        Map<String, Object> done = awaitEnded((String) receipt.get("id"));
        assertThat(done).containsEntry("state", "DONE").containsEntry("total", 204).containsEntry("delivered", 200)
                .containsEntry("failed", 2).containsEntry("queued", 0).containsEntry("submitted", 0)
                .containsEntry("parts", 201); // the refused one never reached the SMSC
        List<ReceivedSubmit> wire = wireTo("4915113");
        assertThat(wire).hasSize(200);
        assertThat(wire.stream().map(ReceivedSubmit::destAddr).distinct()).hasSize(200);
        assertThat(wire).allSatisfy(s -> assertThat(s.sourceAddr()).isEqualTo("SHOP"));
        assertThat(new String(wire.get(0).shortMessage())).startsWith("Hi N").endsWith(", -30% today");

        // the same key again: the same batch, nothing new on the wire
        Map<String, Object> again = post(json("bulk-1", numbers, ""), MediaType.APPLICATION_JSON, "",
                HttpStatus.ACCEPTED);
        assertThat(again).containsEntry("id", receipt.get("id")).containsEntry("duplicate", true);
        assertThat(wireTo("4915113")).hasSize(200);
    }

    @Test
    void ndjson_and_csv_uploads_are_sent_in_two_parts_where_the_text_needs_them() {
        StringBuilder ndjson = new StringBuilder("{\"category\":\"transactional\",\"text\":\"" + "Long text {{n}} "
                + "x".repeat(160) + "\"}\n");
        for (int i = 0; i < 50; i++) {
            ndjson.append("{\"to\":\"+49151140").append(String.format("%05d", i)).append("\",\"variables\":{\"n\":")
                    .append(i).append("}}\n");
        }
        ndjson.append("not json\n");
        Map<String, Object> fromNdjson = post(ndjson.toString(), MediaType.parseMediaType("application/x-ndjson"), "",
                HttpStatus.ACCEPTED);
        assertThat(fromNdjson).containsEntry("accepted", 50).containsEntry("rejectedCount", 1);

        String csv = "to,firstName\n+4915115000001,Ana\n\"+4915115000002\",\"Bo, Jr\"\n";
        Map<String, Object> fromCsv = post(csv, MediaType.parseMediaType("text/csv"),
                "?text=" + URLEncoder.encode("Hello {{firstName}}", StandardCharsets.UTF_8) + "&category=transactional",
                HttpStatus.ACCEPTED);
        assertThat(fromCsv).containsEntry("accepted", 2);

        assertThat(awaitEnded((String) fromNdjson.get("id"))).containsEntry("delivered", 50).containsEntry("parts", 100);
        assertThat(awaitEnded((String) fromCsv.get("id"))).containsEntry("delivered", 2);
        assertThat(wireTo("4915114")).hasSize(100).allSatisfy(s -> assertThat(s.esmClass() & 0x40).isEqualTo(0x40));
        assertThat(wireTo("4915115").stream().map(s -> new String(s.shortMessage())))
                .containsExactlyInAnyOrder("Hello Ana", "Hello Bo, Jr");
    }

    @Test
    void bad_requests_are_refused_with_a_problem_and_store_nothing() {
        Integer before = jdbc.queryForObject("select count(*) from sms_batch", Integer.class);
        Map<String, Object> malformed = post("{\"text\":\"Hi\",\"recipients\":[{\"to\":\"+4915116000001\"},{\"to\":]}",
                MediaType.APPLICATION_JSON, "", HttpStatus.BAD_REQUEST);
        assertThat((String) malformed.get("detail")).contains("malformed JSON at line 1");
        assertThat(malformed).containsEntry("title", "Batch refused, nothing was stored");

        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(String.format("+49151160%05d", i));
        }
        Map<String, Object> large = post(json("too-many", tooMany, ""), MediaType.APPLICATION_JSON, "",
                HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat((String) large.get("detail")).contains("at most 1000");
        post("{\"category\":\"spam\",\"text\":\"Hi\",\"recipients\":[{\"to\":\"+4915116000001\"}]}",
                MediaType.APPLICATION_JSON, "", HttpStatus.BAD_REQUEST);

        assertThat(jdbc.queryForObject("select count(*) from sms_batch", Integer.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from sms_message where recipient like '+4915116%'",
                Integer.class)).isZero();
        assertThat(rest.getForEntity("/api/sms/batches/nope", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(anonymous.getForEntity("/api/sms/batches/nope", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void cancel_stops_what_has_not_reached_the_wire() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            numbers.add(String.format("+49151170%05d", i));
        }
        Map<String, Object> receipt = post(json("cancel-1", numbers, ""), MediaType.APPLICATION_JSON, "",
                HttpStatus.ACCEPTED);
        String id = (String) receipt.get("id");
        ResponseEntity<Map> cancelled = rest.postForEntity("/api/sms/batches/" + id + "/cancel", null, Map.class);
        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cancelled.getBody()).containsEntry("state", "CANCELLED");

        Map<String, Object> end = awaitEnded(id);
        int delivered = (Integer) end.get("delivered");
        int stopped = (Integer) end.get("cancelled");
        assertThat(delivered + stopped).isEqualTo(500);
        assertThat(wireTo("4915117")).hasSize(delivered);
        assertThat(rest.postForEntity("/api/sms/batches/" + id + "/cancel", null, Map.class).getStatusCode())
                .as("cancelling twice changes nothing").isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_process_sends_a_batch_and_waits_for_its_end() {
        EngineRest engine = new EngineRest(anonymous);
        Map<String, Object> vars = new HashMap<>();
        vars.put("recipients", "[{\"to\":\"+4915118000001\",\"variables\":{\"firstName\":\"Ana\"}},"
                + "{\"to\":\"+4915118000002\",\"variables\":{\"firstName\":\"Bo\"}},{\"to\":\"nope\"}]");
        vars.put("text", "Hi {{firstName}}");
        vars.put("category", "marketing");
        String pi = engine.start("sms-batch", "campaign-7", vars);

        Map<String, Object> end = engine.awaitCompleted(pi, TIMEOUT);

        assertThat(end).containsEntry("batchOutcome", "done").containsEntry("smsBatchAccepted", 2)
                .containsEntry("smsBatchRejected", 1).containsEntry("smsBatchDelivered", 2)
                .containsEntry("smsBatchState", "DONE");
        Map<String, Object> batch = status((String) end.get("smsBatchId"));
        assertThat(batch).containsEntry("businessKey", "campaign-7").containsEntry("processInstanceId", pi);
        assertThat(wireTo("4915118")).hasSize(2);
        Map<String, Object> refused = engine.awaitCompleted(engine.start("sms-batch", "campaign-8",
                new LinkedHashMap<>(Map.of("text", "Hi", "category", "spam", "recipients", "[]"))), TIMEOUT);
        assertThat(refused).containsEntry("batchOutcome", "refused");
    }
}
