package io.smsflows.sms.security;

import java.util.Collection;
import java.util.Set;

/** The caller is authenticated but holds none of the roles an endpoint allows: a 403 that says what is missing. */
public class MissingRoleException extends RuntimeException {

    private final Set<SmsRole> allowed;
    private final Collection<String> groupsThatGrant;

    public MissingRoleException(String endpoint, String userId, Collection<String> userGroups, Set<SmsRole> allowed,
                                Collection<String> groupsThatGrant) {
        super(endpoint + " needs the role " + roles(allowed) + ": membership in one of the Camunda groups "
                + groupsThatGrant + ". User '" + userId + "' is in " + (userGroups.isEmpty() ? "no group"
                : "the groups " + userGroups) + ". An administrator adds the user to a group in Camunda Admin "
                + "(Users, then Groups).");
        this.allowed = allowed;
        this.groupsThatGrant = groupsThatGrant;
    }

    public Set<SmsRole> allowed() {
        return allowed;
    }

    public Collection<String> groupsThatGrant() {
        return groupsThatGrant;
    }

    private static String roles(Set<SmsRole> roles) {
        return String.join(" or ", roles.stream().map(r -> r.name().toLowerCase()).toList());
    }
}
