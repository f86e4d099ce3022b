package io.smsflows.sms.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks {@link AllowedRoles} before any handler of ours ({@code io.smsflows.*}) runs. Endpoints without the
 * annotation are for admins only, so a forgotten annotation closes an endpoint instead of opening it. Handlers of
 * the host application are not touched.
 */
public class RoleCheckInterceptor implements HandlerInterceptor {

    private static final String OUR_PACKAGE = "io.smsflows.";

    private final CallerRoles roles;

    public RoleCheckInterceptor(CallerRoles roles) {
        this.roles = roles;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith(OUR_PACKAGE)
                || !roles.enforced() || method.getBeanType().isAnnotationPresent(SignedRequests.class)
                || method.getBeanType().isAnnotationPresent(PublicEndpoint.class)) {
            return true;
        }
        Set<SmsRole> allowed = allowed(method);
        if (roles.userId() == null) {
            throw new NotAuthenticatedException(request.getMethod() + " " + request.getRequestURI()
                    + " needs an authenticated caller, and this path is not behind smsflows.security.rest.url-patterns");
        }
        if (allowed.stream().anyMatch(roles::has)) {
            return true;
        }
        Set<String> groups = new LinkedHashSet<>();
        allowed.forEach(role -> groups.addAll(roles.groupsFor(role)));
        throw new MissingRoleException(request.getMethod() + " " + request.getRequestURI(), roles.userId(),
                roles.groupIds(), allowed, groups);
    }

    static Set<SmsRole> allowed(HandlerMethod method) {
        AllowedRoles annotation = method.getMethodAnnotation(AllowedRoles.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), AllowedRoles.class);
        }
        Set<SmsRole> allowed = EnumSet.of(SmsRole.ADMIN);
        if (annotation != null) {
            allowed.addAll(Arrays.asList(annotation.value()));
        }
        return allowed;
    }

    /** A handler of ours reached without authentication (a URL pattern that does not cover it): 401. */
    public static class NotAuthenticatedException extends RuntimeException {
        public NotAuthenticatedException(String message) {
            super(message);
        }
    }
}
