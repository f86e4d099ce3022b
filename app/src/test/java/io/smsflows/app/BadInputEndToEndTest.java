package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Issue 14, item 4: every endpoint of ours driven with a generated set of bad inputs (malformed JSON, wrong
 * shapes, every field with a wrong type, unknown fields, empty and oversized bodies, wrong content types, bad
 * query parameters, too many recipients). Each gets a 4xx problem detail that says what is wrong, and no table of
 * ours or of the engine changes: nothing stored, nothing started.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e-bad-input;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-bad-input",
        "smsflows.simulator.port=0",
        "smsflows.security.rest.max-body-size=16KB",
        "smsflows.security.rest.max-upload-size=64KB",
        "smsflows.batches.max-recipients=50",
        "camunda.bpm.admin-user.id=demo",
        "camunda.bpm.admin-user.password=demo"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    /** Tables written by the engine's own housekeeping, not by requests. */
    private static final List<String> HOUSEKEEPING = List.of("ACT_RU_METER_LOG", "ACT_RU_TASK_METER_LOG",
            "ACT_GE_PROPERTY", "ACT_GE_SCHEMA_LOG", "ACT_RU_JOB", "ACT_HI_JOB_LOG");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    RawHttp http;
    String admin;

    @BeforeAll
    void setUp() {
        http = new RawHttp(port);
        admin = RawHttp.basic("demo", "demo");
    }

    /** JSON endpoints and the fields of their body (each is sent with a wrong type); empty: any fields. */
    static List<Object[]> jsonEndpoints() {
        return List.of(
                new Object[] {"/api/journeys/appointment-reminder", List.of("appointmentId", "phone", "firstName",
                        "locale", "appointmentStart", "place", "service", "practitioner", "reminderPlan", "sender")},
                new Object[] {"/api/journeys/abandoned-cart", List.of("cartId", "phone", "firstName", "locale",
                        "shopName", "cartLink", "cartValue", "currency", "discountCode", "delay", "sender",
                        "marketingConsent")},
                new Object[] {"/api/journeys/cart-1/events/order-placed", List.of("orderValue")},
                new Object[] {"/api/suppressions", List.of("phone", "scope", "source", "reason")},
                new Object[] {"/api/sms/preview", List.of("text", "route", "country", "to", "category",
                        "smartReplacement")},
                new Object[] {"/api/sms/batches", List.of("text", "category", "recipients")},
                new Object[] {"/api/security/api-keys", List.of("userId", "name", "validFor")},
                new Object[] {"/api/simulator/mo", List.of("from", "to", "text")});
    }

    /** A generated set of bad requests: (what, method, path, content type, body, chunked, expected status). */
    static Stream<Arguments> badRequests() {
        List<Arguments> cases = new ArrayList<>();
        for (Object[] endpoint : jsonEndpoints()) {
            String path = (String) endpoint[0];
            @SuppressWarnings("unchecked")
            List<String> fields = (List<String>) endpoint[1];
            boolean anyFields = path.contains("/events/");
            cases.add(Arguments.of("malformed JSON", "POST", path, JSON_TYPE, "{\"phone\": ", false, 400));
            cases.add(Arguments.of("truncated string", "POST", path, JSON_TYPE, "{\"phone\": \"+336", false, 400));
            cases.add(Arguments.of("an array", "POST", path, JSON_TYPE, "[1, 2]", false, 400));
            cases.add(Arguments.of("a string", "POST", path, JSON_TYPE, "\"hello\"", false, 400));
            cases.add(Arguments.of("a number", "POST", path, JSON_TYPE, "42", false, 400));
            // an event's body is optional: without one, the event is sent (and finds no journey here)
            cases.add(Arguments.of("empty body", "POST", path, JSON_TYPE, "", false, anyFields ? 404 : 400));
            cases.add(Arguments.of("not JSON", "POST", path, "text/plain", "phone=+33612345678", false, 415));
            int over = (path.startsWith("/api/sms/batches") ? 64 : 16) * 1024 + 1024; // uploads have their own limit
            cases.add(Arguments.of("oversized", "POST", path, JSON_TYPE, big(over), false, 413));
            cases.add(Arguments.of("oversized, chunked", "POST", path, JSON_TYPE, big(over), true, 413));
            if (!anyFields) {
                cases.add(Arguments.of("unknown field", "POST", path, JSON_TYPE,
                        "{\"phoneNumber\": \"+33612345678\"}", false, 400));
            }
            for (String field : fields) {
                cases.add(Arguments.of(field + " as an object", "POST", path, JSON_TYPE,
                        "{\"" + field + "\": {\"nested\": [1]}}", false, 400));
            }
        }
        // typed values that cannot be read
        cases.add(Arguments.of("cartValue not a number", "POST", "/api/journeys/abandoned-cart", JSON_TYPE,
                "{\"cartValue\": \"cheap\"}", false, 400));
        cases.add(Arguments.of("marketingConsent not a boolean", "POST", "/api/journeys/abandoned-cart", JSON_TYPE,
                "{\"marketingConsent\": \"maybe\"}", false, 400));
        // batch uploads
        cases.add(Arguments.of("recipients not an array", "POST", "/api/sms/batches", JSON_TYPE,
                "{\"text\": \"Hi\", \"recipients\": \"+33612345678\"}", false, 400));
        cases.add(Arguments.of("too many recipients", "POST", "/api/sms/batches", JSON_TYPE,
                recipients(51), false, 413));
        cases.add(Arguments.of("upload over its limit, chunked", "POST", "/api/sms/batches?text=Hi",
                "application/x-ndjson", ndjson(2_000), true, 413));
        cases.add(Arguments.of("CSV without a 'to' column", "POST", "/api/sms/batches?text=Hi", "text/csv",
                "phone,firstName\n+33612345678,Ana\n", false, 400));
        cases.add(Arguments.of("CSV, unknown content type", "POST", "/api/sms/batches", "application/xml",
                "<batch/>", false, 415));
        // query and path parameters
        cases.add(Arguments.of("limit not a number", "GET", "/api/suppressions?limit=lots", null, null, false, 400));
        cases.add(Arguments.of("rejections offset not a number", "GET", "/api/sms/batches/x/rejections?offset=a",
                null, null, false, 400));
        cases.add(Arguments.of("not a phone number", "GET", "/api/suppressions/not-a-number/history", null, null,
                false, 400));
        cases.add(Arguments.of("lift without a reason", "DELETE", "/api/suppressions/+33612345678", null, null,
                false, 400));
        cases.add(Arguments.of("unknown event", "POST", "/api/journeys/cart-1/events/no-such-event", JSON_TYPE,
                "{}", false, 400));
        cases.add(Arguments.of("pipeline message as event", "POST", "/api/journeys/cart-1/events/sms-delivered",
                JSON_TYPE, "{}", false, 403));
        cases.add(Arguments.of("unknown suppression source", "POST", "/api/suppressions", JSON_TYPE,
                "{\"phone\": \"+33612345678\", \"source\": \"GUESS\"}", false, 400));
        cases.add(Arguments.of("key without user", "POST", "/api/security/api-keys", JSON_TYPE,
                "{\"name\": \"x\"}", false, 400));
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} {2}: {0}")
    @MethodSource("badRequests")
    void refused_with_a_problem_detail_and_nothing_changes(String what, String method, String path,
                                                           String contentType, String body, boolean chunked,
                                                           int expected) throws Exception {
        Map<String, Long> before = rowCounts();
        RawHttp.Response response = http.send(method, path, admin, contentType, body, chunked);
        assertThat(response.status()).as("%s %s (%s): %s", method, path, what, response.body()).isEqualTo(expected);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(expected);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).as("detail").hasSizeGreaterThan(15);
        assertThat(rowCounts()).as("tables after %s", what).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonEndpoints")
    void a_misspelt_or_mistyped_field_is_named_in_the_answer(String path, List<String> fields) throws Exception {
        if (!path.contains("/events/")) {
            JsonNode unknown = JSON.readTree(http.send("POST", path, admin, JSON_TYPE,
                    "{\"phoneNumber\": \"+33612345678\"}").body());
            assertThat(unknown.get("detail").asText()).contains("'phoneNumber'").contains(fields.get(0));
        }
        String field = fields.get(fields.size() - 1);
        JsonNode mistyped = JSON.readTree(http.send("POST", path, admin, JSON_TYPE,
                "{\"" + field + "\": {\"nested\": [1]}}").body());
        assertThat(mistyped.get("detail").asText()).contains(field);
    }

    /** The snapshot sees what a good request stores (else "unchanged" above would prove nothing). */
    @org.junit.jupiter.api.Test
    void a_good_request_does_change_the_tables() {
        Map<String, Long> before = rowCounts();
        RawHttp.Response added = http.send("POST", "/api/suppressions", admin, JSON_TYPE,
                "{\"phone\": \"+33612345699\", \"reason\": \"test\"}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(rowCounts()).isNotEqualTo(before);
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' order by table_name", String.class)) {
            if (!HOUSEKEEPING.contains(table.toUpperCase())) {
                counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
            }
        }
        return counts;
    }

    private static String big(int bytes) {
        return "{\"text\": \"" + "x".repeat(bytes) + "\"}";
    }

    private static String recipients(int n) {
        StringBuilder b = new StringBuilder("{\"text\": \"Hi\", \"recipients\": [");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("{\"to\": \"+336123").append(String.format("%05d", i)).append("\"}");
        }
        return b.append("]}").toString();
    }

    private static String ndjson(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("{\"to\": \"+336123").append(String.format("%05d", i)).append("\", \"variables\": {}}\n");
        }
        return b.toString();
    }
}
