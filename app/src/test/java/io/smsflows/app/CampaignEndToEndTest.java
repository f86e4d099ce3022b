package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsflows.sms.consent.ConsentSource;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.simulator.SmscSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A campaign through the running app, camel-smpp and the simulator: 10,000 members of a CRM segment (paged from the
 * CRM), two numbers opted out before it; approved over REST; an A/B test of two variants on a tenth of the audience;
 * 100 people click their links (ten twice, five links only opened by a messenger's preview); three test recipients
 * reply STOP, and three others opt out before the rest is sent; the variant with more clicks goes to the rest. The
 * figures add up and match what happened.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e-campaign;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-campaign",
        "smsflows.simulator.port=0",
        "smsflows.simulator.receipt-delay=20ms",
        "smsflows.windows.enabled=false", // any hour; quiet hours: SendingWindowsEndToEndTest
        "smsflows.consent.marketing=CRM_ASSERTED", // the CRM's segment is its consent; records: ConsentEndToEndTest
        "smsflows.batches.max-recipients=20000",
        "smsflows.links.base-url=https://s.example",
        "smsflows.crm.username=demo",
        "smsflows.crm.password=demo",
        "smsflows.pricing.per-part.FR=0.045",
        "smsflows.pricing.per-part.DE=0.075",
        "camunda.bpm.admin-user.id=demo",
        "camunda.bpm.admin-user.password=demo"})
@DirtiesContext
class CampaignEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final Pattern SHORT = Pattern.compile("https://s\\.example/s/([A-Za-z0-9]{7})");
    private static final String WHATSAPP = "WhatsApp/2.23.20.0";
    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148";

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    SmscSimulator simulator;
    @Autowired
    SuppressionList suppressions;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private int click(String code, String userAgent) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/s/" + code))
                .header("User-Agent", userAgent).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> campaign(TestRestTemplate rest, String id) {
        return rest.getForObject("/api/campaigns/" + id, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static int number(Object o) {
        return ((Number) o).intValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void ten_thousand_recipients_two_variants_clicks_and_stops_add_up() throws Exception {
        TestRestTemplate rest = new EngineRest(anonymous).authenticated();
        // opted out before: left out of the audience, with the reason, before anyone approves
        for (String n : List.of("+33610000005", "+33610000006")) {
            suppressions.suppress(n, null, ConsentSource.CRM, "unsubscribed on the web", null, null, "test");
        }

        Map<String, Object> request = new LinkedHashMap<>();
        request.put("requestId", "bf-2026-e2e");
        request.put("name", "Black Friday 2026");
        request.put("category", "marketing");
        request.put("audience", Map.of("segment", "demo-10000"));
        request.put("variants", List.of(
                Map.of("text", "Black Friday {{firstName}}: -30% on everything {{link:https://shop.example/bf}}"),
                Map.of("text", "{{firstName}}, -30% today only: {{link:https://shop.example/bf}}")));
        request.put("test", Map.of("share", 0.1, "wait", "PT10S", "winnerBy", "clicks"));
        ResponseEntity<Map> started = rest.postForEntity("/api/campaigns", request, Map.class);
        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(201);
        String id = (String) started.getBody().get("id");
        String pi = (String) started.getBody().get("processInstanceId");
        // the same request again is the same campaign
        ResponseEntity<Map> again = rest.postForEntity("/api/campaigns", request, Map.class);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).containsEntry("id", id).containsEntry("created", false);

        // approval over REST: the task shows the audience, the exclusions and the cost
        String taskQuery = "/engine-rest/task?processInstanceId=" + pi + "&taskDefinitionKey=Task_Approve";
        await().atMost(Duration.ofSeconds(60)).until(() -> !rest.getForObject(taskQuery, List.class).isEmpty());
        String taskId = (String) map(rest.getForObject(taskQuery, List.class).get(0)).get("id");
        Map<String, Object> vars = rest.getForObject("/engine-rest/task/" + taskId + "/form-variables", Map.class);
        assertThat(number(map(vars.get("audienceSize")).get("value"))).isEqualTo(9998);
        assertThat(number(map(vars.get("excludedOptedOut")).get("value"))).isEqualTo(2);
        assertThat((Double) map(vars.get("estimatedCost")).get("value")).isPositive();
        assertThat((String) map(vars.get("previewSummary")).get("value")).contains("Variant A", "Variant B", "DE=",
                "FR=");
        int testSize = number(map(vars.get("testSize")).get("value"));
        assertThat(testSize).isBetween(800, 1200);
        ResponseEntity<Void> approved = rest.postForEntity("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("approved", Map.of("value", true, "type", "Boolean"))), Void.class);
        assertThat(approved.getStatusCode().value()).isEqualTo(204);

        // three numbers outside the test opt out before the rest is sent
        List<String> restStops = jdbc.queryForList("select recipient from sms_campaign_recipient where campaign_id = ? "
                + "and excluded is null and test_group = false order by row_index fetch first 3 rows only",
                String.class, id);
        for (String n : restStops) {
            simulator.deliverMo(n, "SMSFlows", "STOP");
        }

        // both test batches end: the test share got its texts, each with a link of its own
        await().atMost(TIMEOUT).until(() -> jdbc.queryForObject("select count(*) from sms_batch where campaign_id = ? "
                + "and state = 'DONE'", Integer.class, id) == 2);
        Map<String, String> codeOf = new HashMap<>();
        Map<String, String> variantOf = new HashMap<>();
        for (SmscSimulator.ReceivedSubmit s : simulator.received()) {
            Matcher m = SHORT.matcher(Wire.text(s));
            if (m.find()) {
                String to = PhoneNumbers.fromSmpp(s.destAddr());
                codeOf.put(to, m.group(1));
                variantOf.put(to, Wire.text(s).startsWith("Black Friday") ? "A" : "B");
            }
        }
        assertThat(codeOf).hasSize(testSize);
        List<String> a = variantOf.entrySet().stream().filter(e -> e.getValue().equals("A")).map(Map.Entry::getKey)
                .sorted().toList();
        List<String> b = variantOf.entrySet().stream().filter(e -> e.getValue().equals("B")).map(Map.Entry::getKey)
                .sorted().toList();
        // 100 people click: 30 on A, 70 on B, the first ten of B twice; five other B links are only previewed
        List<String> clickers = new ArrayList<>(a.subList(0, 30));
        clickers.addAll(b.subList(0, 70));
        for (String n : clickers) {
            assertThat(click(codeOf.get(n), PHONE)).isEqualTo(302);
        }
        for (String n : b.subList(0, 10)) {
            assertThat(click(codeOf.get(n), PHONE)).isEqualTo(302);
        }
        for (String n : b.subList(70, 75)) {
            assertThat(click(codeOf.get(n), WHATSAPP)).isEqualTo(302);
        }
        // three test recipients reply STOP to their message, one answers in words
        List<String> testStops = a.subList(100, 103);
        for (String n : testStops) {
            simulator.deliverMo(n, "SMSFlows", "STOP");
        }
        simulator.deliverMo(b.get(100), "SMSFlows", "Super, merci !");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from sms_suppression "
                + "where removed_at is null", Integer.class) == 2 + 3 + 3);

        // after the test's wait the winner (B: more clicks) goes to the rest; then the report
        Map<String, Object> ended = new EngineRest(anonymous).awaitCompleted(pi, TIMEOUT);
        assertThat(ended).containsEntry("winner", "B").containsEntry("campaignOutcome", "sent");

        Map<String, Object> status = campaign(rest, id);
        assertThat(status).containsEntry("state", "COMPLETED").containsEntry("outcome", "sent");
        Map<String, Object> kpis = map(status.get("kpis"));
        assertThat(number(kpis.get("audience"))).isEqualTo(9998);
        assertThat(map(kpis.get("excluded"))).containsEntry("OPTED_OUT", 2);
        Map<String, Object> total = map(kpis.get("total"));
        // every number of the audience became a message: in the test, or in the rest
        assertThat(number(total.get("messages"))).isEqualTo(9998);
        int notSent = map(total.get("notSent")).values().stream().mapToInt(CampaignEndToEndTest::number).sum();
        assertThat(number(total.get("messages"))).isEqualTo(number(total.get("sent")) + notSent
                + number(total.get("queued")));
        assertThat(number(total.get("sent"))).isEqualTo(number(total.get("delivered")) + number(total.get("failed"))
                + number(total.get("pending")));
        assertThat(map(total.get("notSent"))).containsEntry("SUPPRESSED", 3); // the rest's three opt-outs
        assertThat(number(total.get("delivered"))).isEqualTo(9998 - 3);
        assertThat(number(total.get("uniqueClicks"))).isEqualTo(100);
        assertThat(number(total.get("clicks"))).isEqualTo(110);
        assertThat(number(total.get("botRequests"))).isEqualTo(5);
        assertThat((Double) total.get("clickThroughRate")).isEqualTo(Math.round(100 * 10000.0 / 9995) / 10000.0);
        assertThat(number(total.get("optOuts"))).isEqualTo(3); // after their message; the rest's three had none
        assertThat(number(total.get("replies"))).isEqualTo(1); // the answer; STOPs are opt-outs, not answers
        // the answer is a message no conversation waits for: its follow-up says which campaign it answers
        List<Map<String, Object>> answered = rest.getForObject("/engine-rest/history/variable-instance?"
                + "variableName=campaignName&processDefinitionKey=sms-unsolicited-reply", List.class);
        assertThat(answered).extracting(v -> v.get("value")).contains("Black Friday 2026");
        assertThat(map(total.get("repliesByIntent"))).containsEntry("STOP", 3);
        assertThat(number(total.get("parts"))).isEqualTo(9995); // one part each: GSM, short
        List<Map<String, Object>> variants = (List<Map<String, Object>>) kpis.get("variants");
        Map<String, Object> va = variants.stream().filter(v -> "A".equals(v.get("variant"))).findFirst().orElseThrow();
        Map<String, Object> vb = variants.stream().filter(v -> "B".equals(v.get("variant"))).findFirst().orElseThrow();
        assertThat(number(va.get("messages"))).isEqualTo(a.size());
        assertThat(number(vb.get("messages"))).isEqualTo(9998 - a.size());
        assertThat(number(va.get("uniqueClicks"))).isEqualTo(30);
        assertThat(number(vb.get("uniqueClicks"))).isEqualTo(70);
        assertThat(number(va.get("optOuts"))).isEqualTo(3);
        // the rest got B and none of the numbers that had opted out
        for (String n : restStops) {
            assertThat(jdbc.queryForList("select m.status || ' ' || m.error_code || ' ' || b.variant from sms_message "
                    + "m join sms_batch b on b.id = m.batch_id where b.campaign_id = ? and m.recipient = ?",
                    String.class, id, n)).containsExactly("FAILED SUPPRESSED B");
        }
        assertThat(ended).containsEntry("kpiDelivered", 9995).containsEntry("kpiUniqueClicks", 100);

        // Cockpit's SMS tab of the campaign lists its messages (those of the batches its sends made)
        Map<String, Object> tab = rest.getForObject("/api/sms/messages?processInstanceId=" + pi + "&limit=50",
                Map.class);
        assertThat((List<Map<String, Object>>) tab.get("messages")).hasSize(50).allSatisfy(m -> {
            assertThat(m.get("batchId")).isNotNull();
            assertThat((String) m.get("text")).contains("https://s.example/s/*******"); // a look is not a click
        });

        // revenue from the CRM, counted once per order, attributed to the variant its buyer got
        Map<String, Object> order = Map.of("eventId", "order-1", "phone", b.get(0), "amount", 59.90,
                "currency", "EUR");
        assertThat(rest.postForEntity("/api/campaigns/" + id + "/conversions", order, Map.class).getStatusCode()
                .value()).isEqualTo(201);
        ResponseEntity<Map> resent = rest.postForEntity("/api/campaigns/" + id + "/conversions", order, Map.class);
        assertThat(resent.getStatusCode().value()).isEqualTo(200);
        assertThat(resent.getBody()).containsEntry("variant", "B").containsEntry("created", false);
        Map<String, Object> after = map(map(campaign(rest, id).get("kpis")).get("total"));
        assertThat(number(after.get("conversions"))).isEqualTo(1);
        assertThat(((Number) after.get("revenue")).doubleValue()).isEqualTo(59.90);

        // a data subject's export lists the campaigns they were in and the revenue tied to them; erasure removes both
        Map<String, Object> export = rest.getForObject("/api/data-subjects/" + b.get(0), Map.class);
        assertThat((List<Map<String, Object>>) export.get("campaigns")).singleElement()
                .satisfies(c -> assertThat(c.toString()).contains("Black Friday 2026", "Client"));
        assertThat((List<?>) export.get("conversions")).hasSize(1);
        ResponseEntity<Map> erased = rest.exchange("/api/data-subjects/" + b.get(0) + "?reason=request-42",
                org.springframework.http.HttpMethod.DELETE, null, Map.class);
        assertThat(erased.getStatusCode().value()).as(String.valueOf(erased.getBody())).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from sms_campaign_recipient where recipient = ?",
                Integer.class, b.get(0))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from sms_campaign_conversion where recipient is null",
                Integer.class)).isEqualTo(1);

        // the CRM heard the report; an ended campaign cannot be cancelled
        List<Map<String, Object>> callbacks = rest.getForObject("/api/crm-stub/callbacks", List.class);
        assertThat(callbacks).anySatisfy(c -> {
            assertThat(c).containsEntry("event", "campaign-reported");
            assertThat(map(c.get("body"))).containsEntry("businessKey", id).containsEntry("kpiDelivered", 9995);
        });
        assertThat(rest.postForEntity("/api/campaigns/" + id + "/cancel", null, Map.class).getStatusCode().value())
                .isEqualTo(409);
    }
    @Test
    @SuppressWarnings("unchecked")
    void bad_requests_say_what_is_wrong_and_a_cancel_before_approval_sends_nothing() {
        TestRestTemplate rest = new EngineRest(anonymous).authenticated();
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("requestId", "bad-1");
        bad.put("name", "Bad");
        bad.put("audience", Map.of("segment", "demo-10", "file", "x.csv"));
        bad.put("variants", List.of(Map.of("text", "A"), Map.of("text", "B", "template", "bf-01")));
        bad.put("test", Map.of("share", 1.5));
        bad.put("schedule", Map.of("sendAt", "2020-01-01T08:00:00Z", "repeat", "weekly"));
        ResponseEntity<Map> refused = rest.postForEntity("/api/campaigns", bad, Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().toString()).contains("audience", "variants[1]", "test.share", "schedule.sendAt",
                "schedule.runs");
        assertThat(jdbc.queryForObject("select count(*) from sms_campaign where request_id = 'bad-1'", Integer.class))
                .isZero();
        // only authenticated callers (CRM or admin role) start campaigns
        assertThat(anonymous.withBasicAuth("nobody", "x").postForEntity("/api/campaigns", bad, Map.class)
                .getStatusCode().value()).isEqualTo(401);

        Map<String, Object> request = new LinkedHashMap<>();
        request.put("requestId", "cancel-1");
        request.put("name", "Cancelled before approval");
        request.put("audience", Map.of("recipients", List.of(Map.of("to", "+33612349901"),
                Map.of("to", "+33612349902"))));
        request.put("variants", List.of(Map.of("text", "Soon: -30%")));
        ResponseEntity<Map> started = rest.postForEntity("/api/campaigns", request, Map.class);
        assertThat(started.getStatusCode().value()).isEqualTo(201);
        String id = (String) started.getBody().get("id");
        String pi = (String) started.getBody().get("processInstanceId");
        await().atMost(Duration.ofSeconds(30)).until(() -> ((List<String>) campaign(rest, id)
                .getOrDefault("waitingAt", List.of())).contains("Approve campaign"));

        assertThat(rest.postForEntity("/api/campaigns/" + id + "/cancel", null, Map.class).getStatusCode().value())
                .isEqualTo(200);
        Map<String, Object> ended = new EngineRest(anonymous).awaitCompleted(pi, Duration.ofSeconds(30));
        assertThat(ended).containsEntry("campaignOutcome", "cancelled").containsEntry("kpiMessages", 0);
        assertThat(jdbc.queryForObject("select count(*) from sms_batch where campaign_id = ?", Integer.class, id))
                .isZero();
        assertThat(rest.getForEntity("/api/campaigns/no-such-id", Map.class).getStatusCode().value()).isEqualTo(404);

        // an empty segment: nobody to send to, the CRM is told; no incident
        Map<String, Object> empty = new LinkedHashMap<>(request);
        empty.put("requestId", "empty-1");
        empty.put("audience", Map.of("segment", "demo-0"));
        ResponseEntity<Map> none = rest.postForEntity("/api/campaigns", empty, Map.class);
        Map<String, Object> noneEnded = new EngineRest(anonymous).awaitCompleted(
                (String) none.getBody().get("processInstanceId"), Duration.ofSeconds(30));
        assertThat(noneEnded).containsEntry("campaignOutcome", "noAudience").containsEntry("audienceRows", 0);
        assertThat(rest.getForObject("/api/crm-stub/callbacks", List.class).toString())
                .contains("campaign-not-sent");

        // a batch refused as a whole inside its job (an empty segment) ends its process as refused: the job's
        // transaction goes on past the refusal instead of being retried into an incident
        String batch = new EngineRest(anonymous).start("sms-batch", "empty-batch", Map.of(
                "recipientsUrl", "segments/demo-0/members", "text", "Hi", "category", "transactional"));
        assertThat(new EngineRest(anonymous).awaitCompleted(batch, Duration.ofSeconds(30)))
                .containsEntry("batchOutcome", "refused");
        assertThat(jdbc.queryForObject("select count(*) from sms_batch where business_key = 'empty-batch'",
                Integer.class)).isZero();
        assertThat(engineIncidents()).isZero();

        // an address outside the CRM or a file on this server are not the caller's to choose
        Map<String, Object> outside = new LinkedHashMap<>(request);
        outside.put("requestId", "outside-1");
        outside.put("audience", Map.of("segmentUrl", "https://evil.example/members"));
        assertThat(rest.postForEntity("/api/campaigns", outside, Map.class).getStatusCode().value()).isEqualTo(400);
        outside.put("audience", Map.of("file", "/etc/passwd"));
        assertThat(rest.postForEntity("/api/campaigns", outside, Map.class).getStatusCode().value()).isEqualTo(400);
    }

    @SuppressWarnings("unchecked")
    private long engineIncidents() {
        return ((Number) new EngineRest(anonymous).authenticated().getForObject("/engine-rest/incident/count",
                Map.class).get("count")).longValue();
    }
}
