package io.smsflows.camunda.rest;

import io.smsflows.sms.consent.ConsentRecords;
import io.smsflows.sms.consent.ConsentSource;
import io.smsflows.sms.consent.ConsentScopes;
import io.smsflows.sms.consent.Suppression;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.consent.RecipientGate;
import io.smsflows.sms.codec.EncodingOptions;
import io.smsflows.sms.codec.SmsAlphabet;
import io.smsflows.sms.codec.StandardSmsEncoder;
import io.smsflows.sms.reply.Locales;
import com.fasterxml.jackson.databind.JsonNode;
import io.smsflows.sms.security.CallerRoles;
import io.smsflows.camunda.journey.CrmEvents;
import io.smsflows.camunda.journey.ReminderPlanner;
import io.smsflows.sms.number.InvalidPhoneNumberException;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.number.RecipientPolicy;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.smsflows.camunda.security.RoleCheckedEngine;
import io.smsflows.sms.security.AllowedRoles;
import io.smsflows.sms.security.SmsRole;
import io.smsflows.sms.web.StrictJson;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A thin JSON API for CRMs that do not speak Camunda's typed variables. Validates input and answers 400 with field
 * errors; a start is idempotent on the business key (appointment id, cart id): a second start returns the first
 * journey. Authenticated like the engine REST API.
 */
@RestController
@RequestMapping("/api/journeys")
@AllowedRoles(SmsRole.CRM)
public class JourneyController {

    public static final String APPOINTMENT_REMINDER = "appointment-reminder";
    public static final String ABANDONED_CART = "abandoned-cart";
    public static final String DOUBLE_OPT_IN = "sms-double-opt-in";
    private static final Set<String> LOCALES = Set.of("en", "fr", "de", "es");

    /** Start of an appointment reminder journey. */
    public record AppointmentRequest(String appointmentId, String phone, String firstName, String locale,
                                     String appointmentStart, String place, String service, String practitioner,
                                     String reminderPlan, String sender) implements StrictJson {
    }

    /** Start of an abandoned-cart journey. */
    public record CartRequest(String cartId, String phone, String firstName, String locale, String shopName,
                              String cartLink, BigDecimal cartValue, String currency, String discountCode,
                              String delay, String sender, Boolean marketingConsent) implements StrictJson {
    }

    /**
     * A request for marketing SMS from a web form (or one the CRM took): the double opt-in asks the number for a YES
     * before any consent is recorded. {@code requestId}: the form submission's id (business key, idempotent);
     * {@code sender}: the consent covers this sender only (else every sender); {@code proof}: what the customer did.
     */
    public record OptInRequest(String requestId, String phone, String locale, String sender, String programName,
                               String source, JsonNode proof, String confirmWithin) implements StrictJson {
    }

    private final RoleCheckedEngine engine;
    private final RecipientPolicy recipients;
    private final ReminderPlanner planner;
    private final CrmEvents events;
    private final Clock clock;

    private ConsentRecords consents;
    private CallerRoles caller;

    /**
     * With consent records: a {@code marketingConsent: true} from the CRM is recorded as a consent (source CRM,
     * proof: who asserted it for which cart), which the pipeline then finds when the reminder goes on the wire.
     */
    public void recordAssertedConsent(ConsentRecords consents, CallerRoles caller) {
        this.consents = consents;
        this.caller = caller;
    }

    private final SuppressionList suppressions;
    private final RecipientGate gate;

    public JourneyController(RoleCheckedEngine engine, ReminderPlanner planner, CrmEvents events, Clock clock,
                             RecipientPolicy recipients, SuppressionList suppressions, RecipientGate gate) {
        this.suppressions = suppressions;
        this.gate = gate;
        this.recipients = recipients;
        this.engine = engine;
        this.planner = planner;
        this.events = events;
        this.clock = clock;
    }

    @PostMapping("/appointment-reminder")
    public ResponseEntity<?> appointment(@RequestBody AppointmentRequest r) {
        Map<String, String> errors = new LinkedHashMap<>();
        required(errors, "appointmentId", r.appointmentId());
        String phone = phone(errors, r.phone());
        required(errors, "firstName", r.firstName());
        required(errors, "place", r.place());
        required(errors, "service", r.service()); // the reminder text names it ("your consultation")
        String locale = locale(errors, r.locale());
        if (required(errors, "appointmentStart", r.appointmentStart())) {
            try {
                if (!OffsetDateTime.parse(r.appointmentStart()).toInstant().isAfter(clock.instant())) {
                    errors.put("appointmentStart", "must be in the future");
                }
            } catch (DateTimeParseException e) {
                errors.put("appointmentStart", "must be ISO-8601 with offset, e.g. 2026-12-01T10:00:00+01:00");
            }
        }
        if (r.reminderPlan() != null && !r.reminderPlan().isBlank() && !errors.containsKey("appointmentStart")) {
            try {
                planner.plan(r.appointmentStart(), r.reminderPlan());
            } catch (IllegalArgumentException e) {
                errors.put("reminderPlan", e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("appointmentId", r.appointmentId());
        vars.put("phone", phone);
        vars.put("firstName", r.firstName().trim());
        vars.put("locale", locale);
        vars.put("appointmentStart", r.appointmentStart());
        vars.put("place", r.place());
        vars.put("service", r.service().trim());
        putIfPresent(vars, "practitioner", r.practitioner());
        putIfPresent(vars, "reminderPlan", r.reminderPlan());
        putIfPresent(vars, "sender", r.sender());
        return start(APPOINTMENT_REMINDER, r.appointmentId(), vars);
    }

    @PostMapping("/abandoned-cart")
    public ResponseEntity<?> cart(@RequestBody CartRequest r) {
        Map<String, String> errors = new LinkedHashMap<>();
        required(errors, "cartId", r.cartId());
        String phone = phone(errors, r.phone());
        required(errors, "firstName", r.firstName());
        required(errors, "shopName", r.shopName());
        String locale = locale(errors, r.locale());
        if (required(errors, "cartLink", r.cartLink())) {
            try {
                URI link = URI.create(r.cartLink().trim());
                if (!"https".equals(link.getScheme()) && !"http".equals(link.getScheme())) {
                    errors.put("cartLink", "must be an http(s) URL");
                }
            } catch (IllegalArgumentException e) {
                errors.put("cartLink", "is not a URL: " + e.getMessage());
            }
        }
        if (r.cartValue() == null || r.cartValue().signum() < 0) {
            errors.put("cartValue", "is required and must be 0 or more");
        }
        if (r.delay() != null && !r.delay().isBlank()) {
            try {
                Duration.parse(r.delay());
            } catch (DateTimeParseException e) {
                errors.put("delay", "must be an ISO-8601 duration, e.g. PT45M");
            }
        }
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("cartId", r.cartId());
        vars.put("phone", phone);
        vars.put("firstName", r.firstName().trim());
        vars.put("locale", locale);
        vars.put("shopName", r.shopName());
        vars.put("cartLink", r.cartLink().trim());
        vars.put("cartValue", r.cartValue().doubleValue());
        vars.put("currency", r.currency() == null || r.currency().isBlank() ? "EUR" : r.currency().trim());
        putIfPresent(vars, "discountCode", r.discountCode());
        putIfPresent(vars, "delay", r.delay());
        putIfPresent(vars, "sender", r.sender());
        // marketing needs consent; absent means no (the journey records "noConsent" and sends nothing)
        vars.put("marketingConsent", Boolean.TRUE.equals(r.marketingConsent()));
        if (consents != null && Boolean.TRUE.equals(r.marketingConsent())) {
            // the CRM's word is a consent record of source CRM, with who said it and when: the pipeline checks records
            String actor = caller.userId() == null ? "anonymous" : caller.userId();
            consents.record(phone, r.sender() == null || r.sender().isBlank() ? null
                    : ConsentRecords.marketingScope(r.sender()), true, ConsentSource.CRM,
                    "{\"assertedBy\":\"" + actor.replace("\"", "") + "\",\"journey\":\"" + ABANDONED_CART
                            + "\",\"cartId\":\"" + r.cartId().replace("\"", "") + "\"}", actor);
        }
        return start(ABANDONED_CART, r.cartId(), vars);
    }

    @PostMapping("/double-opt-in")
    public ResponseEntity<?> doubleOptIn(@RequestBody OptInRequest r) {
        Map<String, String> errors = new LinkedHashMap<>();
        required(errors, "requestId", r.requestId());
        String phone = phone(errors, r.phone());
        String locale = r.locale() == null || r.locale().isBlank()
                ? Locales.forRegion(phone == null ? null : PhoneNumbers.region(phone)) : locale(errors, r.locale());
        String source = r.source() == null || r.source().isBlank() ? "WEB_FORM" : r.source().trim().toUpperCase();
        if (!Set.of("WEB_FORM", "CRM").contains(source)) {
            errors.put("source", "must be WEB_FORM or CRM (keywords and operators start the journey themselves)");
        }
        if (r.proof() == null || r.proof().isNull()
                || (r.proof().isContainerNode() ? r.proof().isEmpty() : r.proof().asText().isBlank())) {
            errors.put("proof", "is required: what the customer did (form id, IP, user agent, the text they agreed to)");
        }
        if (r.confirmWithin() != null && !r.confirmWithin().isBlank()) {
            try {
                Duration within = Duration.parse(r.confirmWithin());
                if (within.compareTo(Duration.ofMinutes(5)) < 0 || within.compareTo(Duration.ofDays(7)) > 0) {
                    errors.put("confirmWithin", "must be between PT5M and P7D: the question catches YES that long");
                }
            } catch (DateTimeParseException e) {
                errors.put("confirmWithin", "must be an ISO-8601 duration, e.g. P2D");
            }
        }
        if (r.programName() != null && !r.programName().isBlank()
                && (r.programName().length() > 30 || new StandardSmsEncoder().encode(r.programName(), EncodingOptions.defaults(), 0).alphabet() != SmsAlphabet.GSM7)) {
            errors.put("programName", "must be at most 30 characters of the GSM alphabet: the question and the welcome "
                    + "must stay one plain SMS part");
        }
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        String sender = r.sender() == null || r.sender().isBlank() ? null : r.sender().trim();
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("phone", phone);
        vars.put("locale", locale);
        vars.put("source", source);
        vars.put("scope", sender == null ? Suppression.GLOBAL : ConsentScopes.senderKey(sender));
        vars.put("proof", r.proof().toString());
        putIfPresent(vars, "sender", sender);
        putIfPresent(vars, "programName", r.programName());
        putIfPresent(vars, "confirmWithin", r.confirmWithin());
        if (suppressions.blocking(phone, sender).isPresent()) {
            return problem(HttpStatus.CONFLICT, "The number opted out", "the number opted out" + (sender == null ? ""
                    : " (everywhere or of " + sender + ")") + ": a consent cannot override it; the customer sends START "
                    + "(or the code word) to the number they opted out from, then the opt-in can be asked again");
        }
        // one question per number and scope: the check and the start under the number's lock, in one transaction
        return engine.call(() -> gate.locked(phone, () -> {
            var pending = engine.engine().getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(DOUBLE_OPT_IN).variableValueEquals("phone", phone)
                    .variableValueEquals("scope", vars.get("scope")).list();
            if (!pending.isEmpty() && !r.requestId().equals(pending.get(0).getBusinessKey())) {
                return ResponseEntity.ok(Map.of("id", pending.get(0).getId(), "businessKey",
                        String.valueOf(pending.get(0).getBusinessKey()), "created", false,
                        "state", "WAITING_FOR_YES"));
            }
            return start(DOUBLE_OPT_IN, r.requestId(), vars);
        }));
    }

    /**
     * Sends a CRM event to the journey with this business key: {@code order-placed} or {@code OrderPlaced},
     * {@code appointment-changed}, {@code appointment-cancelled}... (kebab case is turned into the BPMN message name).
     * Body: optional flat JSON object of variables (e.g. {"appointmentStart": "...", "orderValue": 59.9}).
     * Only the events the deployed journeys declare ({@link CrmEvents}): the pipeline's own messages (SmsDelivered,
     * SmsReply...) are refused with 403, unknown events with 400, both as problem details listing the accepted ones.
     */
    @PostMapping("/{businessKey}/events/{event}")
    public ResponseEntity<?> event(@PathVariable String businessKey, @PathVariable String event,
                                   @RequestBody(required = false) Map<String, Object> body) {
        String message = messageName(event);
        Set<String> accepted = events.events();
        if (CrmEvents.isPipelineMessage(message)) {
            return problem(HttpStatus.FORBIDDEN, "Not a CRM event", "'" + message + "' is a message of the SMS "
                    + "pipeline (delivery receipts, replies, opt-outs, batch ends): only the pipeline sends it. "
                    + "Events the journeys accept: " + String.join(", ", accepted) + ".");
        }
        if (!accepted.contains(message)) {
            return problem(HttpStatus.BAD_REQUEST, "Unknown event", "No deployed journey declares the event '" + event
                    + "' (BPMN message '" + message + "'). Events the journeys accept: "
                    + String.join(", ", accepted) + " (kebab case works too, e.g. order-placed).");
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        if (body != null) {
            for (Map.Entry<String, Object> e : body.entrySet()) {
                Object v = e.getValue();
                if (v != null && !(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                    return invalid(Map.of(e.getKey(), "must be a string, number or boolean"));
                }
                vars.put(e.getKey(), v instanceof BigDecimal b ? b.doubleValue() : v);
            }
        }
        List<MessageCorrelationResult> results = engine.call(() -> engine.engine().getRuntimeService()
                .createMessageCorrelation(message).processInstanceBusinessKey(businessKey).setVariables(vars)
                .correlateAllWithResult());
        if (results.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "No journey waits for this event", "no journey with business key '"
                    + businessKey + "' waits for '" + message + "' (finished, or the event does not apply now)");
        }
        return ResponseEntity.ok(Map.of("message", message, "correlated", results.size()));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        return Problems.of(status, title, detail);
    }

    static String messageName(String event) {
        if (!event.contains("-") && !event.contains("_")) {
            return Character.toUpperCase(event.charAt(0)) + event.substring(1);
        }
        StringBuilder b = new StringBuilder();
        for (String word : event.split("[-_]")) {
            if (!word.isEmpty()) {
                b.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase());
            }
        }
        return b.toString();
    }

    private ResponseEntity<?> start(String processKey, String businessKey, Map<String, Object> vars) {
        return engine.call(() -> {
            var existing = engine.engine().getHistoryService().createHistoricProcessInstanceQuery()
                    .processDefinitionKey(processKey).processInstanceBusinessKey(businessKey).list();
            if (!existing.isEmpty()) {
                return ResponseEntity.ok(Map.of("id", existing.get(0).getId(), "businessKey", businessKey,
                        "created", false, "state", existing.get(0).getState()));
            }
            String id = engine.engine().getRuntimeService().startProcessInstanceByKey(processKey, businessKey, vars)
                    .getId();
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id, "businessKey", businessKey,
                    "created", true));
        });
    }

    private static boolean required(Map<String, String> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.put(field, "is required");
            return false;
        }
        return true;
    }

    private String phone(Map<String, String> errors, String raw) {
        if (!required(errors, "phone", raw)) {
            return null;
        }
        try {
            PhoneNumbers.Parsed number = PhoneNumbers.parse(raw, null);
            recipients.check(number); // a fixed-line or blocked number fails now, not at reminder time
            return number.e164();
        } catch (InvalidPhoneNumberException e) {
            errors.put("phone", e.getMessage());
            return null;
        }
    }

    private static String locale(Map<String, String> errors, String raw) {
        String locale = raw == null || raw.isBlank() ? "en" : raw.trim().toLowerCase().substring(0, Math.min(2, raw.trim().length()));
        if (!LOCALES.contains(locale)) {
            errors.put("locale", "must be one of " + LOCALES + " (templates exist for these)");
        }
        return locale;
    }

    private static void putIfPresent(Map<String, Object> vars, String name, String value) {
        if (value != null && !value.isBlank()) {
            vars.put(name, value.trim());
        }
    }

    private static ResponseEntity<ProblemDetail> invalid(Map<String, String> errors) {
        return Problems.invalid("Invalid journey request", errors);
    }
}
