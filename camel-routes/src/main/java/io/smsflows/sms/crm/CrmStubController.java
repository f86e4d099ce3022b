package io.smsflows.sms.crm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stand-in CRM for the demo and tests, active only when no CRM is configured: logs every callback and lists the
 * last ones at {@code GET /api/crm-stub/callbacks}.
 */
@RestController
@RequestMapping("/api/crm-stub")
@io.smsflows.sms.security.AllowedRoles({}) // the demo's stand-in CRM: sms-admins (the demo's CRM credentials)
public class CrmStubController {

    private static final Logger LOG = LoggerFactory.getLogger(CrmStubController.class);
    private static final int MAX = 1000;

    private final Deque<Map<String, Object>> received = new ConcurrentLinkedDeque<>();
    private final boolean segments;

    public CrmStubController() {
        this(false);
    }

    /** @param segments serve the made-up demo segments (only while the SMSC is the built-in simulator) */
    public CrmStubController(boolean segments) {
        this.segments = segments;
    }

    @PostMapping("/{event}")
    public ResponseEntity<Map<String, Object>> callback(@PathVariable String event,
                                                        @RequestBody(required = false) Map<String, Object> body) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("receivedAt", Instant.now().toString());
        entry.put("event", event);
        entry.put("body", body == null ? Map.of() : body);
        received.addLast(entry);
        while (received.size() > MAX) {
            received.pollFirst();
        }
        LOG.info("CRM stub received callback '{}' (business key {})", event,
                body == null ? null : body.get("businessKey"));
        return ResponseEntity.ok(answer(event, body));
    }

    /** What a CRM would answer: alternative slots for a reschedule, an empty waitlist for a cancellation, else an ack. */
    private static Map<String, Object> answer(String event, Map<String, Object> body) {
        if ("alternative-slots".equals(event)) {
            Object start = body == null ? null : body.get("appointmentStart");
            java.time.OffsetDateTime base = start == null ? java.time.OffsetDateTime.now().plusDays(1)
                    : java.time.OffsetDateTime.parse(start.toString());
            return Map.of("status", "received", "slots", List.of(base.plusDays(1).toString(),
                    base.plusDays(2).toString(), base.plusDays(3).toString()));
        }
        if ("cancelled".equals(event)) { // the freed slot: nobody on the stub's waitlist
            return Map.of("status", "received", "waitlist", List.of());
        }
        return Map.of("status", "received");
    }

    /**
     * A made-up CRM segment for the demo and tests, paged like a real one: {@code demo-<n>} has n members (up to
     * 100,000), nine in ten French mobiles (+33 6 10 ...), one in ten German (+49 151 ...), each with a first name
     * and a language. Served only while the SMSC is the built-in simulator: the numbers are valid (the official
     * fiction ranges are not, and would be refused) and could belong to someone.
     */
    @GetMapping("/segments/{id}/members")
    public ResponseEntity<Map<String, Object>> segment(@PathVariable String id,
                                                       @RequestParam(required = false) String cursor) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("demo-(\\d{1,6})").matcher(id);
        if (!segments) {
            return ResponseEntity.status(404).body(Map.of("error", "the stub CRM serves its made-up segments only "
                    + "while messages go to the built-in simulator (no smsflows.smpp.host, no smsflows.carriers)"));
        }
        if (!m.matches() || Integer.parseInt(m.group(1)) > 100_000) {
            return ResponseEntity.status(404).body(Map.of("error", "the stub CRM has segments demo-1 to "
                    + "demo-100000 only"));
        }
        int size = Integer.parseInt(m.group(1));
        int from = cursor == null || cursor.isBlank() ? 0 : Integer.parseInt(cursor);
        int to = Math.min(size, from + SEGMENT_PAGE);
        List<Map<String, Object>> members = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            boolean german = i % 10 == 9;
            members.add(Map.of("to", german ? String.format("+49151%08d", 10_000_000 + i)
                            : String.format("+336%08d", 10_000_000 + i), "locale", german ? "de" : "fr",
                    "variables", Map.of("firstName", "Client" + i)));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("members", members);
        page.put("nextCursor", to < size ? String.valueOf(to) : null);
        return ResponseEntity.ok(page);
    }

    private static final int SEGMENT_PAGE = 1000;

    @GetMapping("/callbacks")
    public List<Map<String, Object>> callbacks() {
        return new ArrayList<>(received);
    }
}
