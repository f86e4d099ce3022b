package io.smsflows.camunda.rest;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Our REST APIs act as the authenticated Camunda user: what the engine's authorization refuses is a 403 that says
 * which permission is missing (the engine's message), not a 500.
 */
// before ApiProblems, whose catch-all would otherwise take the engine's exception
@RestControllerAdvice(basePackages = "io.smsflows")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EngineAuthorizationAdvice {

    @ExceptionHandler(AuthorizationException.class)
    ProblemDetail forbidden(AuthorizationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage()
                + " An administrator grants it in Camunda Admin (Authorizations).");
        problem.setTitle("Missing permission");
        return problem;
    }
}
