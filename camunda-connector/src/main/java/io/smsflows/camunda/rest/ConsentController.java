package io.smsflows.camunda.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsflows.sms.consent.ConsentRecord;
import io.smsflows.sms.consent.ConsentRecords;
import io.smsflows.sms.consent.ConsentSource;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.number.InvalidPhoneNumberException;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.security.AllowedRoles;
import io.smsflows.sms.security.CallerRoles;
import io.smsflows.sms.security.SmsRole;
import io.smsflows.sms.web.StrictJson;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consent records for the CRM ({@code /api/consents}): record a consent given or withdrawn with its proof, one as
 * JSON or many as NDJSON (an import, streamed line by line), and read a number's consents and their history. A
 * marketing message needs a granted consent when it goes on the wire (docs/compliance.md). Every change is audited
 * with the authenticated user.
 */
@RestController
@RequestMapping("/api/consents")
@AllowedRoles(SmsRole.CRM)
public class ConsentController {

    /**
     * One consent: phone (E.164), granted (true: given, false: withdrawn), source (WEB_FORM, CRM, IMPORT, OPERATOR),
     * scope ("marketing", default) or sender (gives the scope "marketing:&lt;sender&gt;"), proof (any JSON: form id,
     * IP, user agent, the original text).
     */
    public record ConsentRequest(String phone, Boolean granted, String source, String scope, String sender,
                                 JsonNode proof) implements StrictJson {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConsentRecords consents;
    private final SuppressionList suppressions;
    private final CallerRoles caller;

    public ConsentController(ConsentRecords consents, SuppressionList suppressions, CallerRoles caller) {
        this.consents = consents;
        this.suppressions = suppressions;
        this.caller = caller;
    }

    @PostMapping(consumes = "application/json")
    public ResponseEntity<?> record(@RequestBody ConsentRequest request) {
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(view(save(request)));
        } catch (IllegalArgumentException e) {
            return Problems.of(HttpStatus.BAD_REQUEST, "Invalid consent, nothing was stored", e.getMessage());
        }
    }

    /** An import: one consent per line; valid lines are recorded, invalid ones listed with their line number. */
    @PostMapping(consumes = "application/x-ndjson")
    public ResponseEntity<?> importLines(HttpServletRequest http) throws IOException {
        int recorded = 0;
        int refusedCount = 0;
        int line = 0;
        List<Map<String, Object>> refused = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(http.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    save(JSON.readValue(text, ConsentRequest.class));
                    recorded++;
                } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
                    refusedCount++;
                    if (refused.size() < 1000) {
                        refused.add(Map.of("line", line, "reason", e.getMessage().split("\n")[0]));
                    }
                }
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recorded", recorded);
        body.put("refusedCount", refusedCount);
        body.put("refused", refused);
        return ResponseEntity.ok(body);
    }

    /** A number's current consents and the audit trail of its consents and opt-outs. */
    @GetMapping("/{phone}")
    public ResponseEntity<?> get(@PathVariable String phone) {
        String e164;
        try {
            e164 = PhoneNumbers.toE164(UrlPhoneNumbers.lenient(phone), null);
        } catch (InvalidPhoneNumberException e) {
            return Problems.of(HttpStatus.BAD_REQUEST, "Invalid number", e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone", e164);
        body.put("consents", consents.current(e164).stream().map(this::view).toList());
        body.put("history", suppressions.history(e164));
        return ResponseEntity.ok(body);
    }

    private ConsentRecord save(ConsentRequest r) {
        if (r.phone() == null || r.phone().isBlank()) {
            throw new IllegalArgumentException("'phone' is required (E.164, e.g. +33612345678)");
        }
        if (r.granted() == null) {
            throw new IllegalArgumentException("'granted' is required: true (consent given) or false (withdrawn)");
        }
        ConsentSource source;
        try {
            source = r.source() == null ? null : ConsentSource.valueOf(r.source().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            source = null;
        }
        if (source == null || source == ConsentSource.SMS) {
            throw new IllegalArgumentException("'source' is required: WEB_FORM, CRM, IMPORT or OPERATOR (SMS is "
                    + "recorded by the pipeline from the customer's own message)");
        }
        if (Boolean.TRUE.equals(r.granted()) && (r.proof() == null || r.proof().isNull() || r.proof().isEmpty())) {
            throw new IllegalArgumentException("'proof' is required for a consent given: what shows it (form id, IP, "
                    + "user agent, the original text), as a JSON object");
        }
        if (r.scope() != null && r.sender() != null) {
            throw new IllegalArgumentException("give 'scope' or 'sender', not both");
        }
        String phone;
        try {
            phone = PhoneNumbers.toE164(UrlPhoneNumbers.lenient(r.phone()), null);
        } catch (InvalidPhoneNumberException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        String scope = r.sender() != null ? ConsentRecords.marketingScope(r.sender()) : r.scope();
        return consents.record(phone, scope, r.granted(), source, r.proof() == null ? null : r.proof().toString(),
                caller.userId() == null ? "anonymous" : caller.userId());
    }

    private Map<String, Object> view(ConsentRecord c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", c.id());
        body.put("phone", c.recipient());
        body.put("scope", c.scope());
        body.put("granted", c.granted());
        body.put("source", c.source().name());
        body.put("proof", c.proof());
        body.put("recordedBy", c.recordedBy());
        body.put("changedAt", c.changedAt().toString());
        return body;
    }

}
