package io.smsflows.sms.security;

import io.smsflows.sms.support.CurrentUser;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The roles of whoever makes the current request, from the groups of the authenticated user. When REST
 * authentication is off (a gateway in front does it), there is no user and every role is granted.
 */
public class CallerRoles {

    private final Map<SmsRole, Set<String>> groupsByRole;
    private final CurrentUser user;
    private final boolean enforced;

    /**
     * @param groupsByRole the Camunda groups that give each role
     * @param enforced     false when authentication is off: callers then hold every role
     */
    public CallerRoles(Map<SmsRole, Set<String>> groupsByRole, CurrentUser user, boolean enforced) {
        this.groupsByRole = new EnumMap<>(groupsByRole);
        this.user = user;
        this.enforced = enforced;
    }

    public Set<SmsRole> current() {
        if (!enforced) {
            return EnumSet.allOf(SmsRole.class);
        }
        Collection<String> groups = user.groupIds();
        Set<SmsRole> roles = EnumSet.noneOf(SmsRole.class);
        groupsByRole.forEach((role, ids) -> {
            if (ids.stream().anyMatch(groups::contains)) {
                roles.add(role);
            }
        });
        return roles;
    }

    public boolean has(SmsRole role) {
        Set<SmsRole> roles = current();
        return roles.contains(role) || roles.contains(SmsRole.ADMIN);
    }

    /** Operators see masked numbers; the CRM (who sent them) and admins see them whole. */
    public boolean seesPhoneNumbers() {
        return has(SmsRole.CRM);
    }

    /** The groups that give {@code role}, to tell a refused caller what is missing. */
    public Set<String> groupsFor(SmsRole role) {
        return groupsByRole.getOrDefault(role, Set.of());
    }

    public String userId() {
        return user.id();
    }

    public Collection<String> groupIds() {
        return user.groupIds();
    }

    public boolean enforced() {
        return enforced;
    }
}
