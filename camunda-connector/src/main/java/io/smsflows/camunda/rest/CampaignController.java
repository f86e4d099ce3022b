package io.smsflows.camunda.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsflows.camunda.security.RoleCheckedEngine;
import io.smsflows.sms.campaign.CampaignKpis;
import io.smsflows.sms.campaign.CampaignRepository;
import io.smsflows.sms.campaign.CampaignVariant;
import io.smsflows.sms.config.EncodingPolicy;
import io.smsflows.sms.number.InvalidPhoneNumberException;
import io.smsflows.sms.number.InvalidSenderException;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.number.SenderPolicy;
import io.smsflows.sms.security.AllowedRoles;
import io.smsflows.sms.security.CallerRoles;
import io.smsflows.sms.security.SmsRole;
import io.smsflows.sms.support.TimeOrderedIds;
import io.smsflows.sms.web.StrictJson;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaigns for the CRM: start one ({@code POST /api/campaigns}, validated, idempotent on {@code requestId}), read
 * its state and figures, live while it sends ({@code GET /api/campaigns/{id}}), cancel it, and attribute revenue
 * to it ({@code POST /api/campaigns/{id}/conversions}). A campaign is one instance of the {@code campaign} process
 * (business key: the campaign's id); approval is a Tasklist task, never this API.
 */
@RestController
@RequestMapping("/api/campaigns")
@AllowedRoles(SmsRole.CRM)
public class CampaignController {

    public static final String PROCESS = "campaign";
    /** Inline recipients are for tests and small lists; a segment or a file carries a real audience. */
    public static final int MAX_INLINE_RECIPIENTS = 1000;
    private static final Set<String> REPEATS = Set.of("daily", "weekly", "monthly");
    private static final Set<String> WINNER_BY = Set.of("clicks", "replies", "manual");

    public record Audience(String segment, String segmentUrl, String file, JsonNode recipients) implements StrictJson {
    }

    public record Variant(String text, String template, String sender) implements StrictJson {
    }

    /** An A/B test: {@code share} of the audience split between the variants, the winner after {@code wait}. */
    public record Test(Double share, @com.fasterxml.jackson.annotation.JsonProperty("wait") String waitFor,
                       String winnerBy) implements StrictJson {
    }

    public record Schedule(String sendAt, String repeat, Integer runs) implements StrictJson {
    }

    /** {@code fields}: values every recipient's text may use, e.g. {@code {"shopUrl": "https://..."}}. */
    public record CampaignRequest(String requestId, String name, String category, String sender, Audience audience,
                                  List<Variant> variants, Test test, Schedule schedule, Boolean smartReplacement,
                                  Map<String, String> fields) implements StrictJson {
    }

    public record Conversion(String eventId, String phone, BigDecimal amount, String currency, String occurredAt)
            implements StrictJson {
    }

    private final RoleCheckedEngine engine;
    private final CampaignRepository campaigns;
    private final CampaignKpis kpis;
    private final EncodingPolicy encoding;
    private final ObjectMapper json;
    private final CallerRoles caller;
    private final Clock clock;

    public CampaignController(RoleCheckedEngine engine, CampaignRepository campaigns, CampaignKpis kpis,
                              EncodingPolicy encoding, ObjectMapper json, CallerRoles caller, Clock clock) {
        this.engine = engine;
        this.campaigns = campaigns;
        this.kpis = kpis;
        this.encoding = encoding;
        this.json = json;
        this.caller = caller;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<?> start(@RequestBody CampaignRequest r) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> vars = new LinkedHashMap<>();
        if (r.requestId() != null && !r.requestId().isBlank() && !r.requestId().matches("[A-Za-z0-9._:-]{1,200}")) {
            errors.put("requestId", "letters, digits and . _ : - only (at most 200)");
        } else if (blank(r.requestId())) {
            errors.put("requestId", "is required (at most 200 characters): the CRM's id of this campaign request; "
                    + "sending it again returns the same campaign");
        }
        if (blank(r.name()) || r.name().length() > 255) {
            errors.put("name", "is required (at most 255 characters)");
        }
        String category = blank(r.category()) ? "marketing" : r.category().trim();
        try {
            category = encoding.category(category);
        } catch (IllegalArgumentException e) {
            errors.put("category", e.getMessage());
        }
        if (!blank(r.sender())) {
            try {
                SenderPolicy.form(r.sender().trim());
            } catch (InvalidSenderException e) {
                errors.put("sender", e.getMessage());
            }
        }
        audience(r.audience(), errors, vars);
        List<Variant> variants = r.variants() == null ? List.of() : r.variants();
        if (variants.isEmpty() || variants.size() > CampaignVariant.NAMES.size()) {
            errors.put("variants", "give 1 to 4 variants, each with a 'text' or a 'template'");
        }
        for (int i = 0; i < variants.size() && i < CampaignVariant.NAMES.size(); i++) {
            Variant v = variants.get(i);
            String name = CampaignVariant.NAMES.get(i);
            if (v == null || blank(v.text()) == blank(v.template())) {
                errors.put("variants[" + i + "]", "needs a 'text' or a 'template', not both or neither");
                continue;
            }
            if (!blank(v.text()) && v.text().length() > 1000) {
                errors.put("variants[" + i + "].text", "has " + v.text().length() + " characters: at most 1000 (an "
                        + "SMS of more than 6 parts costs more than it earns)");
                continue;
            }
            if (!blank(v.template()) && !v.template().matches("[A-Za-z0-9._-]{1,100}")) {
                errors.put("variants[" + i + "].template", "must be a key of the sms-templates decision");
                continue;
            }
            putIfPresent(vars, "text" + name, v.text());
            putIfPresent(vars, "template" + name, v.template());
            if (!blank(v.sender())) {
                try {
                    SenderPolicy.form(v.sender().trim());
                    vars.put("sender" + name, v.sender().trim());
                } catch (InvalidSenderException e) {
                    errors.put("variants[" + i + "].sender", e.getMessage());
                }
            }
        }
        if (r.fields() != null) {
            if (r.fields().size() > 50 || r.fields().entrySet().stream().anyMatch(e -> e.getKey() == null
                    || !e.getKey().matches("[A-Za-z][A-Za-z0-9_]{0,49}") || e.getValue() == null
                    || e.getValue().length() > 1000)) {
                errors.put("fields", "at most 50 fields, names of letters, digits and _ (starting with a letter), "
                        + "values of at most 1000 characters");
            } else {
                try {
                    String fields = json.writeValueAsString(r.fields());
                    if (fields.length() > 3900) { // a process variable keeps 4,000 characters
                        errors.put("fields", "take " + fields.length() + " characters as JSON: at most 3,900");
                    } else {
                        vars.put("campaignFields", fields);
                    }
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        test(r.test(), variants.size(), errors, vars);
        schedule(r.schedule(), r.test() != null, errors, vars);
        if (!errors.isEmpty()) {
            return Problems.invalid("Invalid campaign request", errors);
        }
        var known = campaigns.findByRequestId(r.requestId().trim());
        if (known.isPresent()) {
            return ResponseEntity.ok(Map.of("id", known.get().id(), "processInstanceId",
                    String.valueOf(known.get().processInstanceId()), "created", false));
        }
        String id = TimeOrderedIds.next();
        vars.put("campaignId", id);
        vars.put("campaignName", r.name().trim());
        vars.put("category", category);
        putIfPresent(vars, "sender", r.sender());
        vars.put("smartReplacement", Boolean.TRUE.equals(r.smartReplacement()));
        vars.put("variantCount", variants.size());
        vars.put("run", 1);
        String definition;
        try {
            definition = json.writeValueAsString(r);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String createdBy = caller.userId();
        String finalCategory = category;
        try {
            String processInstanceId = engine.call(() -> {
                // the row and the instance in one transaction: no campaign without its process, or the reverse
                campaigns.insert(new CampaignRepository.CampaignRow(id, r.requestId().trim(), r.name().trim(),
                        finalCategory, definition, null, null, null, createdBy, clock.instant()));
                String pi = engine.engine().getRuntimeService().startProcessInstanceByKey(PROCESS, id, vars).getId();
                campaigns.processStarted(id, pi);
                return pi;
            });
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id, "processInstanceId",
                    processInstanceId, "created", true));
        } catch (DuplicateKeyException e) {
            // the same request, started at the same time by another call: that one is the campaign
            var row = campaigns.findByRequestId(r.requestId().trim()).orElseThrow(() -> e);
            return ResponseEntity.ok(Map.of("id", row.id(), "processInstanceId", String.valueOf(
                    row.processInstanceId()), "created", false));
        }
    }

    @GetMapping("/{id}")
    @AllowedRoles({SmsRole.CRM, SmsRole.OPERATOR, SmsRole.MARKETER})
    public ResponseEntity<?> status(@PathVariable String id) {
        var row = campaigns.findById(id);
        if (row.isEmpty()) {
            return notFound(id);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("requestId", row.get().requestId());
        body.put("name", row.get().name());
        body.put("category", row.get().category());
        body.put("processInstanceId", row.get().processInstanceId());
        body.put("createdAt", row.get().createdAt().toString());
        engine.call(() -> {
            HistoricProcessInstance pi = engine.engine().getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceId(row.get().processInstanceId()).singleResult();
            body.put("state", pi == null ? "UNKNOWN" : pi.getState());
            if (pi != null && pi.getEndTime() == null) {
                body.put("waitingAt", engine.engine().getHistoryService().createHistoricActivityInstanceQuery()
                        .processInstanceId(pi.getId()).unfinished().list().stream()
                        .filter(a -> a.getActivityName() != null).map(a -> a.getActivityName()).distinct().toList());
            }
            var outcome = engine.engine().getHistoryService().createHistoricVariableInstanceQuery()
                    .processInstanceId(row.get().processInstanceId()).variableName("campaignOutcome").singleResult();
            body.put("outcome", outcome == null ? null : outcome.getValue());
            return null;
        });
        body.put("kpis", kpis.report(id));
        return ResponseEntity.ok(body);
    }

    @PostMapping("/{id}/cancel")
    @AllowedRoles({SmsRole.CRM, SmsRole.OPERATOR, SmsRole.MARKETER})
    public ResponseEntity<?> cancel(@PathVariable String id) {
        var row = campaigns.findById(id);
        if (row.isEmpty()) {
            return notFound(id);
        }
        boolean waiting = engine.call(() -> engine.engine().getRuntimeService().createEventSubscriptionQuery()
                .processInstanceId(row.get().processInstanceId()).eventName("CancelCampaign").count() > 0);
        if (!waiting) {
            return Problems.of(HttpStatus.CONFLICT, "Campaign has ended", "campaign " + id + " has ended: nothing is "
                    + "left to cancel");
        }
        try {
            engine.call(() -> engine.engine().getRuntimeService().createMessageCorrelation("CancelCampaign")
                    .processInstanceId(row.get().processInstanceId()).correlateWithResult());
        } catch (org.camunda.bpm.engine.MismatchingMessageCorrelationException e) {
            return Problems.of(HttpStatus.CONFLICT, "Campaign has ended", "campaign " + id + " ended meanwhile: "
                    + "nothing is left to cancel");
        }
        return status(id);
    }

    @PostMapping("/{id}/conversions")
    public ResponseEntity<?> conversion(@PathVariable String id, @RequestBody Conversion c) {
        if (campaigns.findById(id).isEmpty()) {
            return notFound(id);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(c.eventId()) || c.eventId().length() > 255) {
            errors.put("eventId", "is required: the CRM's id of the order or event (a resend is counted once)");
        }
        String phone = null;
        if (!blank(c.phone())) {
            try {
                phone = PhoneNumbers.parse(c.phone(), null).e164();
            } catch (InvalidPhoneNumberException e) {
                errors.put("phone", e.getMessage());
            }
        }
        if (c.amount() != null && c.amount().signum() < 0) {
            errors.put("amount", "must not be negative");
        }
        if (c.currency() != null && !c.currency().equals(kpis.currency())) {
            errors.put("currency", "must be " + kpis.currency() + " (smsflows.pricing.currency): figures are kept in "
                    + "one currency; convert before sending");
        }
        Instant at = clock.instant();
        if (!blank(c.occurredAt())) {
            try {
                at = OffsetDateTime.parse(c.occurredAt()).toInstant();
            } catch (DateTimeParseException e) {
                errors.put("occurredAt", "must be ISO-8601 with an offset, e.g. 2026-11-27T10:15:00+01:00");
            }
        }
        if (!errors.isEmpty()) {
            return Problems.invalid("Invalid conversion", errors);
        }
        String variant = phone == null ? null : campaigns.variantOf(id, phone);
        boolean created = campaigns.conversion(id, c.eventId().trim(), phone, variant, c.amount(), c.currency(), at);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaignId", id);
        body.put("eventId", c.eventId().trim());
        body.put("variant", variant);
        body.put("created", created);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(body);
    }

    private void audience(Audience a, Map<String, String> errors, Map<String, Object> vars) {
        if (a == null) {
            errors.put("audience", "is required: a CRM 'segment' (id), a 'segmentUrl' or 'recipients'");
            return;
        }
        int given = (blank(a.segment()) ? 0 : 1) + (blank(a.segmentUrl()) ? 0 : 1)
                + (a.recipients() == null || a.recipients().isNull() ? 0 : 1);
        if (!blank(a.file())) {
            // a path on this server is not the CRM's to choose: files are for models (recipientsFile)
            errors.put("audience.file", "is not accepted over the API: give a 'segment' or 'recipients'");
            return;
        }
        if (given != 1) {
            errors.put("audience", "give exactly one of 'segment', 'segmentUrl', 'recipients'");
            return;
        }
        if (!blank(a.segment())) {
            if (!a.segment().matches("[A-Za-z0-9._-]{1,100}")) {
                errors.put("audience.segment", "must be the CRM's segment id (letters, digits, . _ -)");
                return;
            }
            vars.put("recipientsUrl", "segments/" + a.segment() + "/members");
        } else if (!blank(a.segmentUrl())) {
            // relative to smsflows.crm.base-url only: the CRM's credentials go nowhere else
            String url = a.segmentUrl().trim();
            if (url.length() > 500 || !url.matches("[A-Za-z0-9._~/?=&-]+") || url.startsWith("/")
                    || url.contains("..") || url.contains("//")) {
                errors.put("audience.segmentUrl", "must be a path under smsflows.crm.base-url, e.g. "
                        + "segments/vip/members?country=FR (no scheme, host, '..' or %-escapes)");
                return;
            }
            vars.put("recipientsUrl", url);
        } else if (!a.recipients().isArray() || a.recipients().isEmpty()
                || a.recipients().size() > MAX_INLINE_RECIPIENTS) {
            errors.put("audience.recipients", "must be a list of 1 to " + MAX_INLINE_RECIPIENTS + " {\"to\": ...} "
                    + "rows; larger audiences come from a segment");
        } else {
            // read from the stored request when the audience is built: numbers stay out of process variables
            vars.put("recipientsInline", true);
        }
    }

    private static void test(Test t, int variants, Map<String, String> errors, Map<String, Object> vars) {
        if (t == null) {
            return;
        }
        if (variants < 2) {
            errors.put("test", "an A/B test needs 2 to 4 variants");
        }
        if (t.share() == null || t.share() <= 0 || t.share() >= 1) {
            errors.put("test.share", "must be above 0 and below 1: the share of the audience in the test, e.g. 0.1");
        } else {
            vars.put("testShare", t.share());
        }
        String wait = blank(t.waitFor()) ? "PT4H" : t.waitFor().trim();
        try {
            Duration d = Duration.parse(wait);
            if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofDays(14)) > 0) {
                errors.put("test.wait", "must be between PT1S and P14D");
            }
            vars.put("testWait", wait);
        } catch (DateTimeParseException e) {
            errors.put("test.wait", "must be an ISO-8601 duration such as PT4H");
        }
        String by = blank(t.winnerBy()) ? "clicks" : t.winnerBy().trim().toLowerCase();
        if (!WINNER_BY.contains(by)) {
            errors.put("test.winnerBy", "must be one of " + WINNER_BY);
        }
        vars.put("winnerBy", by);
    }

    private void schedule(Schedule s, boolean abTest, Map<String, String> errors, Map<String, Object> vars) {
        if (s == null) {
            return;
        }
        if (!blank(s.sendAt())) {
            try {
                Instant at = OffsetDateTime.parse(s.sendAt()).toInstant();
                if (at.isBefore(clock.instant().minusSeconds(60))) {
                    errors.put("schedule.sendAt", "is in the past: leave it out to send once approved");
                }
                vars.put("sendAt", Date.from(at));
            } catch (DateTimeParseException e) {
                errors.put("schedule.sendAt", "must be ISO-8601 with an offset, e.g. 2026-11-27T08:00:00+01:00");
            }
        }
        if (!blank(s.repeat())) {
            String repeat = s.repeat().trim().toLowerCase();
            if (!REPEATS.contains(repeat)) {
                errors.put("schedule.repeat", "must be one of " + REPEATS);
            }
            if (s.runs() == null || s.runs() < 2 || s.runs() > 366) {
                errors.put("schedule.runs", "a recurring campaign needs 'runs': 2 to 366 sends in all");
            }
            if (abTest) {
                errors.put("schedule.repeat", "a recurring campaign cannot be an A/B test: test once, then repeat "
                        + "the winner");
            }
            vars.put("repeat", repeat);
            vars.put("runs", s.runs());
        }
    }

    private static ResponseEntity<ProblemDetail> notFound(String id) {
        return Problems.of(HttpStatus.NOT_FOUND, "No such campaign", "no campaign " + id);
    }

    private static void putIfPresent(Map<String, Object> vars, String name, String value) {
        if (!blank(value)) {
            vars.put(name, value.trim());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
