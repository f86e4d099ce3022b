package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Every endpoint of ours against every role (issue 14): allowed roles get past the check, the others get 403 with
 * a problem detail naming the groups that would grant it, never 500. And machine clients' API keys: a wrong key
 * does not stop the right one, rotation and revocation work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e-roles;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-roles",
        "smsflows.simulator.port=0",
        "camunda.bpm.admin-user.id=demo",
        "camunda.bpm.admin-user.password=demo"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolesAndApiKeysEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "demo";
    private static final String OPERATOR = "olivia";
    private static final String MARKETER = "maya";
    private static final String CRM = "crmapp";
    private static final String NOBODY = "nobody";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;

    RawHttp http;

    @BeforeAll
    void users() {
        http = new RawHttp(port);
        user(OPERATOR, "sms-operator");
        user(CRM, "crm");
        user(MARKETER, "sms-marketer");
        user(NOBODY, null);
    }

    private void user(String id, String group) {
        User user = identity.newUser(id);
        user.setPassword(id + "-password");
        identity.saveUser(user);
        if (group != null) {
            identity.createMembership(id, group);
        }
    }

    private static String password(String user) {
        return ADMIN.equals(user) ? "demo" : user + "-password";
    }

    /** method, path, JSON body (null: none), the users that may call it (the admin always may). */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("POST", "/api/journeys/appointment-reminder", "{}", Set.of(CRM)),
                Arguments.of("POST", "/api/journeys/abandoned-cart", "{}", Set.of(CRM)),
                Arguments.of("POST", "/api/journeys/cart-0/events/order-placed", "{}", Set.of(CRM)),
                Arguments.of("POST", "/api/sms/batches", "{}", Set.of(CRM)),
                Arguments.of("GET", "/api/sms/batches/no-such-batch", null, Set.of(CRM, OPERATOR)),
                Arguments.of("GET", "/api/sms/batches/no-such-batch/rejections", null, Set.of(CRM, OPERATOR)),
                Arguments.of("POST", "/api/sms/batches/no-such-batch/cancel", null, Set.of(OPERATOR)),
                Arguments.of("POST", "/api/sms/preview", "{\"text\":\"Hi\"}", Set.of(CRM, OPERATOR)),
                Arguments.of("GET", "/api/suppressions", null, Set.of(OPERATOR)),
                Arguments.of("GET", "/api/suppressions/+33612349900/history", null, Set.of(CRM, OPERATOR)),
                Arguments.of("POST", "/api/suppressions", "{}", Set.of(CRM)),
                Arguments.of("DELETE", "/api/suppressions/+33612349900?reason=test", null, Set.of()),
                Arguments.of("GET", "/api/security/api-keys", null, Set.of()),
                Arguments.of("POST", "/api/security/api-keys", "{}", Set.of()),
                Arguments.of("GET", "/api/sms/messages?businessKey=none", null, Set.of(OPERATOR)),
                Arguments.of("GET", "/api/sms/overview", null, Set.of(OPERATOR)),
                Arguments.of("POST", "/api/journeys/double-opt-in", "{}", Set.of(CRM)),
                Arguments.of("GET", "/api/simulator/submits", null, Set.of()),
                Arguments.of("GET", "/api/crm-stub/callbacks", null, Set.of()),
                Arguments.of("POST", "/api/campaigns", "{}", Set.of(CRM)),
                Arguments.of("GET", "/api/campaigns/no-such-campaign", null, Set.of(CRM, OPERATOR, MARKETER)),
                Arguments.of("POST", "/api/campaigns/no-such-campaign/cancel", null, Set.of(CRM, OPERATOR, MARKETER)),
                Arguments.of("POST", "/api/campaigns/no-such-campaign/conversions", "{}", Set.of(CRM)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void each_role_may_do_its_job_and_nothing_else(String method, String path, String body, Set<String> allowed)
            throws Exception {
        for (String user : List.of(ADMIN, OPERATOR, CRM, MARKETER, NOBODY)) {
            RawHttp.Response response = http.send(method, path, RawHttp.basic(user, password(user)),
                    body == null ? null : "application/json", body);
            boolean may = user.equals(ADMIN) || allowed.contains(user);
            assertThat(response.status()).as("%s %s as %s: %s", method, path, user, response.body())
                    .isNotEqualTo(500).isNotEqualTo(401);
            if (may) {
                assertThat(response.status()).as("%s %s as %s: %s", method, path, user, response.body())
                        .isNotEqualTo(403);
            } else {
                assertThat(response.status()).as("%s %s as %s", method, path, user).isEqualTo(403);
                assertThat(response.contentType()).startsWith("application/problem+json");
                JsonNode problem = JSON.readTree(response.body());
                assertThat(problem.get("title").asText()).isEqualTo("Missing role");
                assertThat(problem.get("detail").asText()).contains(user, "Camunda Admin");
                assertThat(problem.get("groupsThatGrant").toString()).contains("sms-admin");
            }
        }
    }

    @Test
    void without_credentials_every_endpoint_is_401_with_a_problem_detail() throws Exception {
        for (Arguments a : endpoints().toList()) {
            RawHttp.Response response = http.send((String) a.get()[0], (String) a.get()[1], null, null, null);
            assertThat(response.status()).as("%s", a.get()[1]).isEqualTo(401);
            assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("API key");
        }
    }

    @Test
    void crm_may_start_its_processes_over_engine_rest_but_not_correlate_pipeline_messages_there() {
        String start = "{\"businessKey\":\"roles-1\",\"variables\":{\"to\":{\"value\":\"+33612349901\"},"
                + "\"text\":{\"value\":\"Hello\"}}}";
        RawHttp.Response started = http.send("POST", "/engine-rest/process-definition/key/send-and-track/start",
                RawHttp.basic(CRM, password(CRM)), "application/json", start);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(http.send("POST", "/engine-rest/process-definition/key/send-and-track/start",
                RawHttp.basic(OPERATOR, password(OPERATOR)), "application/json", start).status()).isEqualTo(403);
        // the crm group has no permission to read or update instances: nothing to correlate into
        RawHttp.Response correlate = http.send("POST", "/engine-rest/message", RawHttp.basic(CRM, password(CRM)),
                "application/json", "{\"messageName\":\"SmsDelivered\",\"businessKey\":\"roles-1\"}");
        assertThat(correlate.status()).as(correlate.body()).isBetween(400, 403);
        // history: the instance may have finished already (the simulator answers in milliseconds)
        String query = "/engine-rest/history/process-instance?processInstanceBusinessKey=roles-1";
        assertThat(http.send("GET", query, RawHttp.basic(CRM, password(CRM)), null, null).body()).isEqualTo("[]");
        assertThat(http.send("GET", query, RawHttp.basic(OPERATOR, password(OPERATOR)), null, null).body())
                .contains("roles-1");
    }

    @Test
    void operators_see_suppressed_numbers_masked_and_the_crm_whole() throws Exception {
        assertThat(http.send("POST", "/api/suppressions", RawHttp.basic(CRM, password(CRM)), "application/json",
                "{\"phone\":\"+33612349902\",\"reason\":\"web form\"}").status()).isEqualTo(201);
        String asOperator = http.send("GET", "/api/suppressions/+33612349902/history",
                RawHttp.basic(OPERATOR, password(OPERATOR)), null, null).body();
        String asCrm = http.send("GET", "/api/suppressions/+33612349902/history",
                RawHttp.basic(CRM, password(CRM)), null, null).body();
        assertThat(asCrm).contains("+33612349902");
        assertThat(asOperator).doesNotContain("+33612349902").contains("web form");
        assertThat(http.send("GET", "/api/suppressions", RawHttp.basic(OPERATOR, password(OPERATOR)), null, null)
                .body()).doesNotContain("+33612349902");
    }

    @Test
    void a_wrong_key_does_not_stop_the_right_one_and_keys_rotate() throws Exception {
        User client = identity.newUser("crmclient"); // technical user: no password, cannot log in with Basic
        identity.saveUser(client);
        identity.createMembership("crmclient", "crm");
        String first = issue("crmclient", "crm-prod-1");
        String path = "/api/sms/batches/no-such-batch";
        assertThat(http.send("GET", path, first, null, null).status()).isEqualTo(404); // authenticated, allowed

        // 64 wrong keys (a wrong secret for the right id too) interleaved with right ones, 16 at a time
        String wrongSecret = first.substring(0, first.indexOf('_', 5) + 1) + "x".repeat(43);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            List<Future<Integer>> right = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String bad = i % 2 == 0 ? wrongSecret : "smsf_00000000000000000000000000000000_" + i;
                wrong.add(pool.submit(() -> http.send("GET", path, bad, null, null).status()));
                right.add(pool.submit(() -> http.send("GET", path, first, null, null).status()));
            }
            for (Future<Integer> f : wrong) {
                assertThat(f.get()).isEqualTo(401);
            }
            for (Future<Integer> f : right) {
                assertThat(f.get()).isEqualTo(404);
            }
        } finally {
            pool.shutdownNow();
        }
        // the key holds the crm role only
        assertThat(http.send("GET", "/api/suppressions", first, null, null).status()).isEqualTo(403);
        // and "Bearer" works as well as X-API-Key
        assertThat(http.send("GET", path, "Bearer " + first, null, null).status()).isEqualTo(404);

        // rotation: a second key works beside the first; revoking the first stops only the first
        String second = issue("crmclient", "crm-prod-2");
        assertThat(http.send("GET", path, second, null, null).status()).isEqualTo(404);
        String firstId = first.substring("smsf_".length(), first.indexOf('_', 5));
        RawHttp.Response revoked = http.send("DELETE", "/api/security/api-keys/" + firstId,
                RawHttp.basic(ADMIN, "demo"), null, null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(http.send("GET", path, first, null, null).status()).isEqualTo(401);
        assertThat(http.send("GET", path, second, null, null).status()).isEqualTo(404);
        String listed = http.send("GET", "/api/security/api-keys?userId=crmclient", RawHttp.basic(ADMIN, "demo"),
                null, null).body();
        assertThat(listed).contains("crm-prod-1", "crm-prod-2").doesNotContain(second.substring(40));
    }

    @Test
    void a_key_for_an_unknown_user_or_without_a_name_is_refused_with_what_to_fix() throws Exception {
        RawHttp.Response r = http.send("POST", "/api/security/api-keys", RawHttp.basic(ADMIN, "demo"),
                "application/json", "{\"userId\":\"ghost\",\"validFor\":\"soon\"}");
        assertThat(r.status()).isEqualTo(400);
        JsonNode errors = JSON.readTree(r.body()).get("errors");
        assertThat(errors.get("userId").asText()).contains("no Camunda user 'ghost'");
        assertThat(errors.get("name").asText()).contains("required");
        assertThat(errors.get("validFor").asText()).contains("ISO-8601");
    }

    private String issue(String userId, String name) throws Exception {
        RawHttp.Response r = http.send("POST", "/api/security/api-keys", RawHttp.basic(ADMIN, "demo"),
                "application/json", JSON.writeValueAsString(Map.of("userId", userId, "name", name, "validFor", "P30D")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("key").asText();
    }
}
