package io.smsflows.app;

import io.smsflows.sms.security.RoleProperties;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: one user per role, password = user id, so the README's examples show each role's limits.
 * {@code demo} (Camunda's admin user, made by the starter) joins sms-admin; {@code operator} joins sms-operator;
 * {@code crm} joins crm. Never in production: ProductionChecks refuses weak passwords.
 */
@Component
@Profile("demo")
class DemoUsers {

    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identity;
    private final RoleProperties roles;

    DemoUsers(IdentityService identity, RoleProperties roles) {
        this.identity = identity;
        this.roles = roles;
    }

    /**
     * When the application is ready: the engine, its admin user and our groups exist then. (Camunda's PostDeployEvent
     * is published only for a process application, which this app is not: listening to it created nobody.)
     */
    @EventListener(ApplicationReadyEvent.class)
    void create() {
        member("demo", first(roles.getAdminGroups()));
        user("operator", "Olivia", "Operator");
        member("operator", first(roles.getOperatorGroups()));
        user("marketer", "Maya", "Marketer");
        member("marketer", first(roles.getMarketerGroups()));
        user("crm", "CRM", "Client");
        member("crm", first(roles.getCrmGroups()));
        LOG.info("Demo users: demo/demo (sms-admin), operator/operator (sms-operator), marketer/marketer "
                + "(sms-marketer), crm/crm (crm)");
    }

    private void user(String id, String first, String last) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(first);
            user.setLastName(last);
            user.setPassword(id);
            identity.saveUser(user);
        }
    }

    private void member(String userId, String groupId) {
        if (groupId != null && identity.createUserQuery().userId(userId).count() == 1
                && identity.createGroupQuery().groupId(groupId).count() == 1
                && identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    private static String first(List<String> groups) {
        return groups.isEmpty() ? null : groups.get(0);
    }
}
