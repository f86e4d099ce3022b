package io.smsflows.camunda.rest;

import io.smsflows.camunda.security.RoleCheckedEngine;
import io.smsflows.sms.batch.BatchRepository;
import io.smsflows.sms.number.InvalidPhoneNumberException;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.outbox.MessageViews;
import io.smsflows.sms.outbox.MessageViews.MessageView;
import io.smsflows.sms.security.AllowedRoles;
import io.smsflows.sms.security.CallerRoles;
import io.smsflows.sms.security.SmsRole;
import io.smsflows.sms.smpp.SmppBind;
import io.smsflows.sms.smpp.SmppRoutes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What happened to every SMS, for operators (the Cockpit plugin reads it with the operator's login):
 * {@code GET /api/sms/messages} by process instance (its called instances included), business key, process, number,
 * state or time, running or finished; {@code GET /api/sms/overview}: counts, throughput, queue depth, binds,
 * running batches. Numbers are masked unless the caller may see them ({@link CallerRoles#seesPhoneNumbers()}).
 */
@RestController
@RequestMapping("/api/sms")
@AllowedRoles(SmsRole.OPERATOR)
public class SmsMessagesController {

    private static final int MAX_INSTANCES = 500;
    /** Runs of 7 or more digits (with a leading + and spaces between groups allowed): phone numbers in a text. */
    private static final java.util.regex.Pattern NUMBERS = java.util.regex.Pattern.compile("\\+?\\d(?:[ .-]?\\d){6,}");

    private final MessageViews views;
    private final RoleCheckedEngine engine;
    private final CallerRoles caller;
    private final BatchRepository batches;
    private final ObjectProvider<SmppRoutes> smpp;
    private final io.smsflows.sms.preview.PricingProperties pricing;
    private final Clock clock;

    public SmsMessagesController(MessageViews views, RoleCheckedEngine engine, CallerRoles caller,
                                 BatchRepository batches, ObjectProvider<SmppRoutes> smpp,
                                 io.smsflows.sms.preview.PricingProperties pricing, Clock clock) {
        this.views = views;
        this.engine = engine;
        this.caller = caller;
        this.batches = batches;
        this.smpp = smpp;
        this.pricing = pricing;
        this.clock = clock;
    }

    @GetMapping("/messages")
    public ResponseEntity<?> messages(@RequestParam(required = false) String processInstanceId,
                                      @RequestParam(required = false) String businessKey,
                                      @RequestParam(required = false) String process,
                                      @RequestParam(required = false) String phone,
                                      @RequestParam(required = false) String state,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(defaultValue = "100") int limit) {
        Map<String, String> errors = new LinkedHashMap<>();
        String recipient = null;
        if (phone != null && !phone.isBlank()) {
            try {
                recipient = PhoneNumbers.toE164(UrlPhoneNumbers.lenient(phone), null);
            } catch (InvalidPhoneNumberException e) {
                errors.put("phone", e.getMessage());
            }
        }
        Instant fromAt = instant(errors, "from", from);
        Instant toAt = instant(errors, "to", to);
        if (!errors.isEmpty()) {
            return Problems.invalid("Invalid search", errors);
        }
        Collection<String> instances = null;
        boolean truncated = false;
        if (processInstanceId != null && !processInstanceId.isBlank()) {
            instances = withCalledInstances(processInstanceId.trim());
        } else if (blank(businessKey) != null || blank(process) != null) {
            // journeys by the engine's history (indexed by key and business key), then their messages with the
            // instances they called
            List<String> roots = engine.call(() -> {
                var query = engine.engine().getHistoryService().createHistoricProcessInstanceQuery();
                if (blank(businessKey) != null) {
                    query.processInstanceBusinessKey(businessKey.trim());
                }
                if (blank(process) != null) {
                    query.processDefinitionKey(process.trim());
                }
                return query.orderByProcessInstanceStartTime().desc().listPage(0, MAX_INSTANCES + 1).stream()
                        .map(HistoricProcessInstance::getId).toList();
            });
            truncated = roots.size() > MAX_INSTANCES;
            Set<String> all = new LinkedHashSet<>();
            roots.stream().limit(MAX_INSTANCES).forEach(id -> all.addAll(withCalledInstances(id)));
            instances = all;
        }
        if (instances == null && recipient == null && fromAt == null) {
            fromAt = clock.instant().minus(Duration.ofDays(1)); // an open search reads the last day, newest first
        }
        List<MessageView> found = views.search(new MessageViews.Filter(instances, recipient,
                blank(state) == null ? null : state.trim().toUpperCase(java.util.Locale.ROOT), fromAt, toAt), limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", found.stream().map(this::view).toList());
        body.put("instances", instances(found));
        body.put("numbersMasked", !caller.seesPhoneNumbers());
        if (truncated) {
            body.put("note", "only the newest " + MAX_INSTANCES + " journeys of this search were read: narrow it");
        }
        return ResponseEntity.ok(body);
    }

    @GetMapping("/overview")
    public Map<String, Object> overview() {
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", now.toString());
        body.put("lastHour", views.countsByStatus(now.minus(Duration.ofHours(1))));
        body.put("partsPerSecondThisNode", throughput(now));
        body.put("queue", views.queueDepth(now.minus(Duration.ofHours(1))));
        List<Map<String, Object>> binds = new ArrayList<>();
        SmppRoutes routes = smpp.getIfAvailable();
        if (routes != null) {
            for (SmppBind bind : routes.binds()) {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("carrier", bind.carrier());
                b.put("bind", bind.number());
                b.put("bound", bind.isBound());
                b.put("submitted", bind.submitted());
                b.put("throttled", bind.throttled());
                binds.add(b);
            }
        }
        body.put("binds", binds);
        body.put("batches", batches.running().stream().map(b -> batches.status(b, pricing.getCurrency())).toList());
        return body;
    }

    private volatile long lastSubmitted = -1;
    private volatile Instant lastSampleAt;

    /**
     * Parts per second this node's binds sent since the previous look (their counters, not a scan of the messages);
     * null at the first look.
     */
    private synchronized Double throughput(Instant now) {
        SmppRoutes routes = smpp.getIfAvailable();
        if (routes == null) {
            return null;
        }
        long submitted = routes.binds().stream().mapToLong(SmppBind::submitted).sum();
        Double rate = null;
        if (lastSampleAt != null && now.isAfter(lastSampleAt)) {
            rate = (submitted - lastSubmitted) * 1000.0 / Duration.between(lastSampleAt, now).toMillis();
        }
        lastSubmitted = submitted;
        lastSampleAt = now;
        return rate;
    }

    /**
     * The instance and every instance it called, recursively (an appointment's reminders are sms-ask instances): one
     * query by the call tree's root (indexed), then the tree walked in memory.
     */
    private List<String> withCalledInstances(String id) {
        return engine.call(() -> {
            var history = engine.engine().getHistoryService();
            HistoricProcessInstance self = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                    .singleResult();
            if (self == null) {
                return List.of(id);
            }
            String root = self.getRootProcessInstanceId() == null ? id : self.getRootProcessInstanceId();
            Map<String, List<String>> children = new HashMap<>();
            history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).listPage(0, MAX_INSTANCES)
                    .forEach(pi -> {
                        if (pi.getSuperProcessInstanceId() != null) {
                            children.computeIfAbsent(pi.getSuperProcessInstanceId(), k -> new ArrayList<>())
                                    .add(pi.getId());
                        }
                    });
            Set<String> all = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(id));
            while (!todo.isEmpty()) {
                String next = todo.poll();
                if (all.add(next)) {
                    todo.addAll(children.getOrDefault(next, List.of()));
                }
            }
            return new ArrayList<>(all);
        });
    }

    private Map<String, Object> instances(List<MessageView> found) {
        Set<String> ids = new LinkedHashSet<>();
        found.forEach(m -> {
            if (m.processInstanceId() != null) {
                ids.add(m.processInstanceId());
            }
        });
        if (ids.isEmpty()) {
            return Map.of();
        }
        return engine.call(() -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (HistoricProcessInstance pi : engine.engine().getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceIds(ids).list()) {
                // from the history itself: its deployment may be gone
                Map<String, Object> i = new LinkedHashMap<>();
                i.put("processDefinitionKey", pi.getProcessDefinitionKey());
                i.put("processDefinitionName", pi.getProcessDefinitionName());
                i.put("businessKey", pi.getBusinessKey());
                i.put("state", pi.getState());
                i.put("running", pi.getEndTime() == null);
                i.put("superProcessInstanceId", pi.getSuperProcessInstanceId());
                out.put(pi.getId(), i);
            }
            return out;
        });
    }

    private volatile java.util.regex.Pattern shortLinks;

    /** Short links' codes are the customer's: shown as {@code .../s/*******}, so a look is never a click. */
    public void setShortLinkBase(String baseUrl) {
        this.shortLinks = baseUrl == null || baseUrl.isBlank() ? null : java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(baseUrl.trim().replaceAll("/+$", "") + "/s/") + "[A-Za-z0-9]+");
    }

    private String withoutLinkCodes(String text) {
        java.util.regex.Pattern p = shortLinks;
        return text == null || p == null ? text : p.matcher(text).replaceAll(m -> java.util.regex.Matcher
                .quoteReplacement(m.group().substring(0, m.group().lastIndexOf('/') + 1) + "*******"));
    }

    private Map<String, Object> view(MessageView m) {
        boolean whole = caller.seesPhoneNumbers();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", m.id());
        v.put("direction", "OUT");
        v.put("processInstanceId", m.processInstanceId());
        v.put("businessKey", m.businessKey());
        v.put("activityId", m.activityId());
        v.put("recipient", whole ? m.recipient() : PhoneNumbers.mask(m.recipient()));
        v.put("sender", m.sender());
        v.put("text", withoutLinkCodes(m.text()));
        v.put("textErasedAt", m.textErasedAt());
        v.put("category", m.category());
        v.put("encoding", m.encoding());
        v.put("parts", m.parts());
        // the price list's cost of the parts sent (configured per country, smsflows.pricing)
        v.put("cost", m.submittedAt() == null ? null : pricing.perPart(m.country())
                .multiply(java.math.BigDecimal.valueOf(m.parts())));
        v.put("currency", pricing.getCurrency());
        v.put("status", m.status());
        v.put("errorCode", m.errorCode());
        v.put("errorMeaning", io.smsflows.sms.outcome.ErrorMeanings.of(m.errorCode()));
        v.put("carrier", m.carrier());
        v.put("route", m.routeRule());
        v.put("country", m.country());
        v.put("batchId", m.batchId());
        v.put("consentId", m.consentId());
        v.put("createdAt", m.createdAt());
        v.put("submittedAt", m.submittedAt());
        v.put("doneAt", m.doneAt());
        v.put("partTimeline", m.partViews());
        v.put("replies", m.replies().stream().map(r -> {
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("inboundId", r.inboundId());
            // customers type numbers into replies: masked as the recipient is
            reply.put("text", whole || r.text() == null ? r.text() : NUMBERS.matcher(r.text()).replaceAll(
                    n -> java.util.regex.Matcher.quoteReplacement(PhoneNumbers.mask(n.group()))));
            reply.put("intent", r.intent());
            reply.put("decision", r.intent() == null ? null : "reply-intent");
            reply.put("receivedAt", r.receivedAt());
            return reply;
        }).toList());
        return v;
    }

    private static Instant instant(Map<String, String> errors, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(raw.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "must be an ISO-8601 instant, e.g. 2026-12-07T08:00:00Z");
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
