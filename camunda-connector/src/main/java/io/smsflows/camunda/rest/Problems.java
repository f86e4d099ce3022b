package io.smsflows.camunda.rest;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Problem details (RFC 9457) of our Camunda-side endpoints. */
final class Problems {

    private Problems() {
    }

    static ResponseEntity<ProblemDetail> of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }

    /** 400 with one message per field ({@code errors}: field -> what is wrong and how to fix it). */
    static ResponseEntity<ProblemDetail> invalid(String title, Map<String, String> errors) {
        StringBuilder detail = new StringBuilder();
        errors.forEach((field, message) -> detail.append(detail.isEmpty() ? "" : "; ").append(field).append(' ')
                .append(message));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail.toString());
        problem.setTitle(title + ", nothing was stored or started");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }
}
