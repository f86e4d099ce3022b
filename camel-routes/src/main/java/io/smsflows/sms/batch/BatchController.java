package io.smsflows.sms.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsflows.sms.security.AllowedRoles;
import io.smsflows.sms.security.CallerRoles;
import io.smsflows.sms.security.SmsRole;
import io.smsflows.sms.support.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/sms/batches}: bulk sends for the CRM and campaigns.
 * <ul>
 *   <li>{@code POST} with JSON ({@code application/json}), NDJSON ({@code application/x-ndjson}) or CSV
 *       ({@code text/csv}, header fields as query parameters): 202 with the batch id, accepted and rejected rows;
 *       the body is read as a stream (a million rows);</li>
 *   <li>{@code GET /{id}}: state and counts; {@code POST /{id}/cancel}; {@code GET /{id}/rejections}.</li>
 * </ul>
 * Errors are RFC 9457 problem details that say what is wrong and how to fix it; a refused request stores nothing.
 */
@RestController
@RequestMapping("/api/sms/batches")
@AllowedRoles(SmsRole.CRM)
public class BatchController {

    private final SmsBatches batches;
    private final ObjectMapper json;
    private final CurrentUser currentUser;
    private final CallerRoles caller;

    /**
     * @param currentUser who is asking (the authenticated user), recorded with the batch
     * @param caller      the caller's roles: operators see rejected numbers masked
     */
    public BatchController(SmsBatches batches, ObjectMapper json, CurrentUser currentUser, CallerRoles caller) {
        this.batches = batches;
        this.json = json;
        this.currentUser = currentUser;
        this.caller = caller;
    }

    @PostMapping(consumes = "application/json")
    public ResponseEntity<BatchReceipt> acceptJson(HttpServletRequest request) {
        BatchReaders.Upload upload = BatchReaders.json(body(request), json, currentUser.id());
        return accepted(batches.accept(upload.request(), upload.rows()));
    }

    @PostMapping(consumes = {"application/x-ndjson", "application/jsonl"})
    public ResponseEntity<BatchReceipt> acceptNdjson(@RequestParam Map<String, String> params,
                                                     HttpServletRequest request) {
        BatchReaders.Upload upload = BatchReaders.ndjson(body(request), BatchReaders.header(params, currentUser.id()),
                json, currentUser.id());
        return accepted(batches.accept(upload.request(), upload.rows()));
    }

    @PostMapping(consumes = "text/csv")
    public ResponseEntity<BatchReceipt> acceptCsv(@RequestParam Map<String, String> params,
                                                  HttpServletRequest request) {
        BatchReaders.Upload upload = BatchReaders.csv(body(request), BatchReaders.header(params, currentUser.id()));
        return accepted(batches.accept(upload.request(), upload.rows()));
    }

    /** Any other content type: 415 that names the three accepted ones. */
    @PostMapping
    public ResponseEntity<ProblemDetail> unsupported(HttpServletRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type, nothing was stored",
                "Content-Type '" + request.getContentType() + "' is not accepted: send application/json, "
                        + "application/x-ndjson or text/csv");
    }

    @GetMapping("/{id}")
    @AllowedRoles({SmsRole.CRM, SmsRole.OPERATOR})
    public ResponseEntity<?> status(@PathVariable String id) {
        return batches.status(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    @PostMapping("/{id}/cancel")
    @AllowedRoles(SmsRole.OPERATOR)
    public ResponseEntity<?> cancel(@PathVariable String id) {
        return batches.cancel(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    private volatile io.smsflows.sms.link.ShortLinks links;

    public void setShortLinks(io.smsflows.sms.link.ShortLinks links) {
        this.links = links;
    }

    /** Clicks on the batch's short links: people (every click, unique per link), bots and previews apart; CTR. */
    @GetMapping("/{id}/clicks")
    @AllowedRoles({SmsRole.CRM, SmsRole.OPERATOR})
    public ResponseEntity<?> clicks(@PathVariable String id) {
        var status = batches.status(id);
        if (status.isEmpty() || links == null) {
            return notFound(id);
        }
        io.smsflows.sms.link.ShortLinks.Clicks c = links.clicks(id);
        int delivered = status.get().delivered();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchId", id);
        body.put("links", c.links());
        body.put("clicks", c.clicks());
        body.put("uniqueClicks", c.uniqueClicks());
        body.put("botRequests", c.botRequests());
        body.put("delivered", delivered);
        body.put("clickThroughRate", delivered == 0 ? 0.0 : (double) c.uniqueClicks() / delivered);
        return ResponseEntity.ok(body);
    }

    @GetMapping("/{id}/rejections")
    @AllowedRoles({SmsRole.CRM, SmsRole.OPERATOR})
    public ResponseEntity<?> rejections(@PathVariable String id, @RequestParam(defaultValue = "0") int offset,
                                        @RequestParam(defaultValue = "1000") int limit) {
        if (batches.status(id).isEmpty()) {
            return notFound(id);
        }
        List<BatchRejection> page = batches.rejections(id, offset, limit);
        if (!caller.seesPhoneNumbers()) {
            page = page.stream().map(BatchRejection::masked).toList();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchId", id);
        body.put("offset", offset);
        body.put("rejections", page);
        return ResponseEntity.ok(body);
    }

    private static ResponseEntity<BatchReceipt> accepted(BatchReceipt receipt) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/sms/batches/" + receipt.id())).body(receipt);
    }

    private static java.io.InputStream body(HttpServletRequest request) {
        try {
            return request.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseEntity<?> notFound(String id) {
        return problem(HttpStatus.NOT_FOUND, "No such batch", "no batch with id '" + id
                + "': use the id that POST /api/sms/batches answered");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Batch refused, nothing was stored", e.getMessage());
    }

    @ExceptionHandler(BatchTooLargeException.class)
    public ResponseEntity<ProblemDetail> tooLarge(BatchTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Batch too large, nothing was stored", e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    public ResponseEntity<ProblemDetail> conflict(IllegalStateException e) {
        return problem(HttpStatus.CONFLICT, "Not possible in this state", e.getMessage());
    }
}
