package io.smsflows.sms.preview;

import io.smsflows.sms.number.InvalidPhoneNumberException;
import io.smsflows.sms.security.AllowedRoles;
import io.smsflows.sms.security.SmsRole;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/sms/preview}: length, encoding, parts and cost of a text, without sending it. */
@RestController
@RequestMapping("/api/sms")
@AllowedRoles({SmsRole.CRM, SmsRole.OPERATOR})
public class SmsPreviewController {

    private final SmsPreview preview;

    public SmsPreviewController(SmsPreview preview) {
        this.preview = preview;
    }

    @PostMapping("/preview")
    public SmsPreview.Preview preview(@RequestBody(required = false) SmsPreview.PreviewRequest request) {
        return preview.preview(request);
    }

    @ExceptionHandler({IllegalArgumentException.class, InvalidPhoneNumberException.class})
    public ResponseEntity<ProblemDetail> badRequest(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid preview request");
        problem.setProperty("example", Map.of("text", "Your appointment is tomorrow at 10:00. Reply YES to confirm.",
                "country", "FR", "smartReplacement", false));
        return ResponseEntity.badRequest().body(problem);
    }
}
