package io.smsflows.sms.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.smsflows.sms.number.InvalidPhoneNumberException;
import io.smsflows.sms.security.MissingRoleException;
import io.smsflows.sms.security.RoleCheckInterceptor;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our API as an RFC 9457 problem detail that says what is wrong and how to fix it: unreadable or
 * mistyped JSON names the field, unknown fields are listed with the known ones, bodies over the limit are 413,
 * missing roles 403. Only our controllers ({@code io.smsflows}); the host application's are left alone.
 */
@RestControllerAdvice(basePackages = "io.smsflows")
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        BodyTooLargeException tooLarge = cause(e, BodyTooLargeException.class);
        ProblemDetail problem = tooLarge != null ? tooLarge(tooLarge) : unreadable(e);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e,
                                                        HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid parameter", "'" + name + "' must be "
                + (e.getRequiredType() == null ? "of another type" : article(e.getRequiredType().getSimpleName()))
                + ", not '" + e.getValue() + "'");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(UncheckedIOException.class)
    ResponseEntity<ProblemDetail> io(UncheckedIOException e) {
        BodyTooLargeException tooLarge = cause(e, BodyTooLargeException.class);
        ProblemDetail problem = tooLarge != null ? tooLarge(tooLarge)
                : problem(HttpStatus.BAD_REQUEST, "Request body not readable, nothing was stored",
                "the body could not be read to its end (" + e.getCause().getMessage() + "): send it again");
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(InvalidPhoneNumberException.class)
    ResponseEntity<ProblemDetail> phone(InvalidPhoneNumberException e) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid phone number",
                e.getMessage()));
    }

    @ExceptionHandler(MissingRoleException.class)
    ResponseEntity<ProblemDetail> forbidden(MissingRoleException e) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "Missing role", e.getMessage());
        problem.setProperty("allowedRoles", e.allowed());
        problem.setProperty("groupsThatGrant", e.groupsThatGrant());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(RoleCheckInterceptor.NotAuthenticatedException.class)
    ResponseEntity<ProblemDetail> unauthenticated(RoleCheckInterceptor.NotAuthenticatedException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(problem(HttpStatus.UNAUTHORIZED, "Unauthorized", e.getMessage()));
    }

    /** Anything else is our fault: 500 with a reference to the log line, never the exception's internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        LOG.error("Unexpected error, reference {}", reference, e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the request failed on our side; the log has the details under reference " + reference));
    }

    static ProblemDetail tooLarge(BodyTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large, nothing was stored", e.getMessage());
    }

    private static ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        String detail;
        if (cause instanceof UnrecognizedPropertyException u) {
            detail = "unknown field '" + path(u) + "': the known fields are " + u.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", ")) + " (check the spelling)";
        } else if (cause instanceof InvalidFormatException f) {
            detail = "field '" + path(f) + "' must be " + article(f.getTargetType().getSimpleName()) + ", not "
                    + f.getValue();
        } else if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            detail = "field '" + path(m) + "' must be " + article(m.getTargetType() == null ? "other value"
                    : m.getTargetType().getSimpleName()) + " (" + m.getOriginalMessage().split("\n")[0] + ")";
        } else if (cause instanceof MismatchedInputException m) {
            detail = m.getTargetType() == null ? "a JSON body is required"
                    : "the body must be a JSON " + (java.util.Collection.class.isAssignableFrom(m.getTargetType())
                    ? "array" : "object") + " (" + m.getOriginalMessage().split("\n")[0] + ")";
        } else if (cause instanceof JsonParseException p) {
            detail = "malformed JSON at line " + p.getLocation().getLineNr() + ", column "
                    + p.getLocation().getColumnNr() + ": " + p.getOriginalMessage().split("\n")[0];
        } else if (cause == null) {
            detail = "a JSON body is required";
        } else {
            detail = "the body is not valid JSON for this endpoint: " + cause.getMessage().split("\n")[0];
        }
        return problem(HttpStatus.BAD_REQUEST, "Invalid request body, nothing was stored", detail);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String article(String type) {
        return switch (type) {
            case "int", "Integer", "long", "Long" -> "a whole number";
            case "BigDecimal", "double", "Double" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "String" -> "a string";
            default -> "a " + type;
        };
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
