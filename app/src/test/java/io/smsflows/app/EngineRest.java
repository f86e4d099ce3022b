package io.smsflows.app;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** A CRM's view of the app in tests: Camunda's REST API with HTTP Basic. */
final class EngineRest {

    private final TestRestTemplate rest;

    EngineRest(TestRestTemplate anonymous) {
        this.rest = anonymous.withBasicAuth("demo", "demo");
    }

    /** Starts send-and-track over REST; returns the process instance id. */
    @SuppressWarnings("unchecked")
    String startSendAndTrack(String businessKey, String to, String text) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("to", Map.of("value", to, "type", "String"));
        variables.put("text", Map.of("value", text, "type", "String"));
        ResponseEntity<Map> response = rest.postForEntity("/engine-rest/process-definition/key/send-and-track/start",
                Map.of("businessKey", businessKey, "variables", variables), Map.class);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("start failed: " + response.getStatusCode() + " " + response.getBody());
        }
        return (String) response.getBody().get("id");
    }

    /** Starts a process by key over REST with String/Boolean variables; returns the process instance id. */
    @SuppressWarnings("unchecked")
    String start(String processKey, String businessKey, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value,
                "type", value instanceof Boolean ? "Boolean" : "String")));
        ResponseEntity<Map> response = rest.postForEntity("/engine-rest/process-definition/key/" + processKey + "/start",
                Map.of("businessKey", businessKey, "variables", variables), Map.class);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("start failed: " + response.getStatusCode() + " " + response.getBody());
        }
        return (String) response.getBody().get("id");
    }

    /** Instances of a process definition (history), as Camunda's REST API lists them. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> instancesOf(String processKey) {
        return rest.getForObject("/engine-rest/history/process-instance?processDefinitionKey=" + processKey, List.class);
    }

    TestRestTemplate authenticated() {
        return rest;
    }

    @SuppressWarnings("unchecked")
    String state(String processInstanceId) {
        Map<String, Object> body = rest.getForObject("/engine-rest/history/process-instance/" + processInstanceId, Map.class);
        return body == null ? null : (String) body.get("state");
    }

    /** Waits until the instance completed and returns its variables (name to value). */
    @SuppressWarnings("unchecked")
    Map<String, Object> awaitCompleted(String processInstanceId, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> "COMPLETED".equals(state(processInstanceId)));
        List<Map<String, Object>> vars = rest.getForObject(
                "/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId, List.class);
        Map<String, Object> result = new LinkedHashMap<>();
        vars.forEach(v -> result.put((String) v.get("name"), v.get("value")));
        return result;
    }
}
