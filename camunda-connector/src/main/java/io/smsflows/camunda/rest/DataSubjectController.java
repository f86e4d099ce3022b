package io.smsflows.camunda.rest;

import io.smsflows.camunda.privacy.DataSubjects;
import io.smsflows.sms.number.InvalidPhoneNumberException;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.security.AllowedRoles;
import io.smsflows.sms.security.CallerRoles;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data-subject requests ({@code /api/data-subjects/{phone}}), for sms-admins (the privacy officer's job): GET exports
 * everything held for the number, DELETE erases it but its opt-outs, which stay under a salted hash
 * (docs/compliance.md).
 */
@RestController
@RequestMapping("/api/data-subjects")
@AllowedRoles({})
public class DataSubjectController {

    private final DataSubjects subjects;
    private final CallerRoles caller;

    public DataSubjectController(DataSubjects subjects, CallerRoles caller) {
        this.subjects = subjects;
        this.caller = caller;
    }

    @GetMapping("/{phone}")
    public ResponseEntity<?> export(@PathVariable String phone) {
        try {
            return ResponseEntity.ok(subjects.export(e164(phone)));
        } catch (InvalidPhoneNumberException e) {
            return Problems.of(HttpStatus.BAD_REQUEST, "Invalid number", e.getMessage());
        }
    }

    @DeleteMapping("/{phone}")
    public ResponseEntity<?> erase(@PathVariable String phone, @RequestParam(required = false) String reason) {
        if (reason == null || reason.isBlank()) {
            return Problems.of(HttpStatus.BAD_REQUEST, "Reason required, nothing was erased",
                    "'reason' is required (e.g. the request's reference): it is kept in the log of the erasure");
        }
        String e164;
        try {
            e164 = e164(phone);
        } catch (InvalidPhoneNumberException e) {
            return Problems.of(HttpStatus.BAD_REQUEST, "Invalid number", e.getMessage());
        }
        String actor = (caller.userId() == null ? "anonymous" : caller.userId()) + " (" + reason.trim() + ")";
        try {
            DataSubjects.Erasure erasure = subjects.erase(e164, actor);
            return ResponseEntity.ok(Map.of("erased", true, "messages", erasure.messages(), "replies",
                    erasure.replies(), "consents", erasure.consents(), "optOutsKeptHashed", erasure.optOutsKept(),
                    "processInstances", erasure.processInstances()));
        } catch (IllegalStateException e) {
            return Problems.of(HttpStatus.CONFLICT, "Journeys still run for this number", e.getMessage());
        }
    }

    private static String e164(String phone) {
        return PhoneNumbers.toE164(UrlPhoneNumbers.lenient(phone), null);
    }
}
