package io.smsflows.sms.preview;

import io.smsflows.sms.number.InvalidPhoneNumberException;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/sms/preview}: length, encoding, parts and cost of a text, without sending it. */
@RestController
@RequestMapping("/api/sms")
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
    public ResponseEntity<Map<String, Object>> badRequest(RuntimeException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage(),
                "example", Map.of("text", "Your appointment is tomorrow at 10:00. Reply YES to confirm.",
                        "country", "FR", "smartReplacement", false)));
    }
}
