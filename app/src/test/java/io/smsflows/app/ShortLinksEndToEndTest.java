package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsflows.sms.simulator.SmscSimulator;
import java.net.URI;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
import org.springframework.test.annotation.DirtiesContext;

/**
 * Short links through the running app: a batch text with {{link:...}} reaches each handset with its own short link
 * (counted at its real length); the public /s/{code} redirects to the stored URL and records the click; previews
 * and bots are kept apart; unknown codes get a plain 404 and never a redirect; the batch's clicks add up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e-links;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-links",
        "smsflows.simulator.port=0",
        "smsflows.simulator.receipt-delay=20ms",
        "smsflows.windows.enabled=false",
        "smsflows.links.base-url=https://s.example",
        "camunda.bpm.admin-user.id=demo",
        "camunda.bpm.admin-user.password=demo"})
@DirtiesContext
class ShortLinksEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern SHORT = Pattern.compile("https://s\\.example/s/([A-Za-z0-9]{7})");

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    SmscSimulator simulator;
    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> follow(String code, String method, String userAgent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/s/" + code))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String code(String digits, SmscSimulator simulator) {
        String text = Wire.submitsTo(simulator, digits).stream().map(Wire::text).reduce("", String::concat);
        Matcher m = SHORT.matcher(text);
        assertThat(m.find()).as("a short link in " + text).isTrue();
        return m.group(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_recipient_gets_a_link_of_their_own_and_clicks_add_up() throws Exception {
        TestRestTemplate rest = new EngineRest(anonymous).authenticated();
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("category", "transactional");
        batch.put("text", "Black Friday -30% : {{link:https://shop.example/bf?utm_source=sms}}");
        batch.put("recipients", List.of(Map.of("to", "+33612341001"), Map.of("to", "+33612341002"),
                Map.of("to", "+33612341003")));
        String id = (String) rest.postForObject("/api/sms/batches", batch, Map.class).get("id");
        await().atMost(TIMEOUT).until(() -> "DONE".equals(rest.getForObject("/api/sms/batches/" + id, Map.class)
                .get("state")));

        String a = code("33612341001", simulator);
        String b = code("33612341002", simulator);
        String c = code("33612341003", simulator);
        assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
        assertThat(Wire.text(Wire.submitsTo(simulator, "33612341001").get(0)))
                .isEqualTo("Black Friday -30% : https://s.example/s/" + a); // one part, the link at its real length

        String phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148";
        HttpResponse<String> click = follow(a, "GET", phone);
        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.headers().firstValue("Location")).hasValue("https://shop.example/bf?utm_source=sms");
        assertThat(follow(a, "GET", phone).statusCode()).isEqualTo(302); // the same person again
        assertThat(follow(b, "GET", "WhatsApp/2.24.1 A").statusCode()).isEqualTo(302); // a link preview
        assertThat(follow(c, "HEAD", phone).statusCode()).isEqualTo(302); // a HEAD: a preview too

        HttpResponse<String> unknown = follow("AAAAAAA", "GET", phone);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Location")).isEmpty();
        assertThat(unknown.body()).contains("unknown or has expired");
        HttpResponse<String> tricky = follow("..%2F..%2Fapi", "GET", phone); // refused before it reaches us
        assertThat(tricky.statusCode()).isIn(400, 404);
        assertThat(tricky.headers().firstValue("Location")).isEmpty();

        Map<String, Object> clicks = rest.getForObject("/api/sms/batches/" + id + "/clicks", Map.class);
        assertThat(clicks).containsEntry("links", 3).containsEntry("clicks", 2).containsEntry("uniqueClicks", 1)
                .containsEntry("botRequests", 2).containsEntry("delivered", 3);
        assertThat((Double) clicks.get("clickThroughRate")).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void a_click_by_a_person_reaches_the_process_that_waits_for_it_and_a_preview_does_not() throws Exception {
        BpmnModelInstance probe = Bpmn.createExecutableProcess("link-click-probe").camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Send").camundaAsyncBefore().camundaDelegateExpression("${smsSend}")
                .camundaInputParameter("to", "+33612341010")
                .camundaInputParameter("text", "Votre panier vous attend : {{link:https://shop.example/cart/42}}")
                .camundaInputParameter("deliveredMessage", "none")
                .intermediateCatchEvent("Clicked").message("SmsLinkClicked")
                .endEvent("End_Clicked")
                .done();
        engine.getRepositoryService().createDeployment().addModelInstance("link-click-probe.bpmn", probe).deploy();
        String pi = engine.getRuntimeService().startProcessInstanceByKey("link-click-probe").getId();
        await().atMost(TIMEOUT).until(() -> !Wire.submitsTo(simulator, "33612341010").isEmpty());
        await().atMost(TIMEOUT).until(() -> engine.getRuntimeService().createExecutionQuery().processInstanceId(pi)
                .messageEventSubscriptionName("SmsLinkClicked").count() == 1);
        String code = code("33612341010", simulator);

        assertThat(follow(code, "GET", "facebookexternalhit/1.1").statusCode()).isEqualTo(302); // a preview
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).count()).isOne();

        assertThat(follow(code, "GET", "Mozilla/5.0 (Linux; Android 14) Mobile").statusCode()).isEqualTo(302);
        await().atMost(TIMEOUT).until(() -> engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(pi).finished().count() == 1);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi)
                .variableName("smsLinkUrl").singleResult().getValue()).isEqualTo("https://shop.example/cart/42");
    }
}
