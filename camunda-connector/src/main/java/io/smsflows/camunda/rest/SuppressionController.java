package io.smsflows.camunda.rest;

import io.smsflows.camunda.reply.CamundaReplyListener;
import io.smsflows.sms.reply.ReplyProperties;
import io.smsflows.sms.consent.ConsentSource;
import io.smsflows.sms.consent.Suppression;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.number.PhoneNumbers;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.smsflows.camunda.security.RoleCheckedEngine;
import io.smsflows.sms.security.AllowedRoles;
import io.smsflows.sms.security.CallerRoles;
import io.smsflows.sms.security.SmsRole;
import io.smsflows.sms.web.StrictJson;
import org.springframework.http.ProblemDetail;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The suppression list for operators and the CRM ({@code /api/suppressions}, HTTP Basic like the engine REST API).
 * Every change is audited with the authenticated user. Adding one also starts the unsubscribe journey (CRM
 * callback, ending running journeys; a confirmation SMS only if smsflows.replies.confirm-crm-opt-outs is on).
 */
@RestController
@RequestMapping("/api/suppressions")
public class SuppressionController {

    /** Body of POST: phone (required), scope (default GLOBAL), source (CRM or OPERATOR, default CRM), reason. */
    public record AddRequest(String phone, String scope, String source, String reason) implements StrictJson {
    }

    private final SuppressionList suppressions;
    private final RoleCheckedEngine engine;
    private final ReplyProperties replies;
    private final CallerRoles caller;

    public SuppressionController(SuppressionList suppressions, RoleCheckedEngine engine, ReplyProperties replies,
                                 CallerRoles caller) {
        this.suppressions = suppressions;
        this.engine = engine;
        this.replies = replies;
        this.caller = caller;
    }

    /** The active suppressions; operators see the numbers masked. */
    @GetMapping
    @AllowedRoles(SmsRole.OPERATOR)
    public List<Map<String, Object>> list(@RequestParam(required = false) String phone,
                                          @RequestParam(defaultValue = "100") int limit) {
        String e164 = phone == null ? null : PhoneNumbers.toE164(UrlPhoneNumbers.lenient(phone), null);
        boolean whole = caller.seesPhoneNumbers();
        return suppressions.active(e164, Math.max(1, Math.min(limit, 1000))).stream().map(s -> view(s, whole)).toList();
    }

    /** Consent history of one number (the CRM asks about a number it knows). */
    @GetMapping("/{phone}/history")
    @AllowedRoles({SmsRole.CRM, SmsRole.OPERATOR})
    public List<SuppressionList.ConsentEvent> history(@PathVariable String phone) {
        List<SuppressionList.ConsentEvent> events = suppressions.history(PhoneNumbers.toE164(UrlPhoneNumbers.lenient(phone), null));
        return caller.seesPhoneNumbers() ? events : events.stream().map(SuppressionList.ConsentEvent::masked).toList();
    }

    /** Records an opt-out (the CRM's or an operator's), which the unsubscribe journey then carries out. */
    @PostMapping
    @AllowedRoles(SmsRole.CRM)
    public ResponseEntity<?> add(@RequestBody AddRequest request) {
        if (request.phone() == null || request.phone().isBlank()) {
            return bad("'phone' is required (E.164, e.g. +33612345678)");
        }
        ConsentSource source;
        try {
            source = request.source() == null ? ConsentSource.CRM : ConsentSource.valueOf(request.source().trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return bad("'source' must be CRM or OPERATOR, not '" + request.source() + "'");
        }
        if (source == ConsentSource.SMS) {
            return bad("'source' SMS is recorded by the pipeline from the customer's own message; use CRM or OPERATOR");
        }
        String phone = PhoneNumbers.toE164(UrlPhoneNumbers.lenient(request.phone()), null);
        String scope = request.scope() == null || request.scope().isBlank() ? Suppression.GLOBAL : request.scope().trim();
        String actor = actor();
        Suppression s = suppressions.suppress(phone, scope, source, request.reason(),
                "REST request by " + actor + (request.reason() == null ? "" : ": " + request.reason()), null, actor);
        Map<String, Object> vars = new HashMap<>();
        vars.put("phone", phone);
        vars.put("scope", scope);
        vars.put("source", source.name());
        vars.put("reason", request.reason());
        vars.put("actor", actor);
        vars.put("sendConfirmation", replies.isConfirmCrmOptOuts());
        String processId = engine.call(() -> engine.engine().getRuntimeService().startProcessInstanceByKey(
                CamundaReplyListener.UNSUBSCRIBE_PROCESS, "rest-" + UUID.randomUUID(), vars).getId());
        Map<String, Object> body = view(s, true);
        body.put("unsubscribeProcessInstanceId", processId);
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    /** Lifts a suppression: sms-admins only, with a reason kept as consent proof. */
    @DeleteMapping("/{phone}")
    @AllowedRoles({})
    public ResponseEntity<?> remove(@PathVariable String phone,
                                                      @RequestParam(required = false) String scope,
                                                      @RequestParam(required = false) String reason) {
        if (reason == null || reason.isBlank()) {
            return bad("'reason' is required to lift a suppression (it is kept as consent proof)");
        }
        String e164 = PhoneNumbers.toE164(UrlPhoneNumbers.lenient(phone), null);
        boolean lifted = suppressions.resubscribe(e164, scope == null || scope.isBlank() ? Suppression.GLOBAL : scope,
                ConsentSource.OPERATOR, reason, actor());
        if (!lifted) {
            return Problems.of(HttpStatus.NOT_FOUND, "Not suppressed", PhoneNumbers.mask(e164)
                    + " is not suppressed in scope " + (scope == null ? Suppression.GLOBAL : scope));
        }
        return ResponseEntity.ok(Map.of("phone", e164, "resubscribed", true));
    }


    private String actor() {
        return caller.userId() == null ? "anonymous" : caller.userId();
    }

    private static ResponseEntity<ProblemDetail> bad(String message) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid suppression request, nothing was stored", message);
    }

    private static Map<String, Object> view(Suppression s, boolean wholeNumber) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("phone", wholeNumber ? s.recipient() : PhoneNumbers.mask(s.recipient()));
        m.put("scope", s.scope());
        m.put("source", s.source());
        m.put("reason", s.reason());
        m.put("createdBy", s.createdBy());
        m.put("createdAt", s.createdAt().toString());
        m.put("confirmationMessageId", s.confirmationMessageId());
        return m;
    }
}
