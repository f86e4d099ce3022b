package io.smsflows.camunda.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.smsflows.sms.security.RoleProperties;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first group of each role at engine start (sms-admin, sms-operator, sms-marketer, crm), with the engine
 * authorizations that role needs in Camunda's webapps and REST API. A group that already has authorizations is
 * left alone, so what an administrator changed in Camunda Admin stays. With a read-only identity provider (LDAP)
 * the groups are not created; authorizations still are, for groups of those names.
 * <ul>
 *   <li>crm: may see and start the configured processes (over /engine-rest as well), not their instances. Journey
 *       events, batches and consent go through our API, whose role checks stand in for engine permissions.</li>
 *   <li>sms-operator: Cockpit and Tasklist; reads instances, history and decisions, retries failed jobs, works on
 *       tasks.</li>
 *   <li>sms-marketer: Tasklist, and the tasks of the campaign process only (approve, edit, pick a winner).</li>
 *   <li>sms-admin: all of the above and everything on processes, decisions, deployments, tasks and batches.</li>
 * </ul>
 */
public class SmsGroupsSetup extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(SmsGroupsSetup.class);

    /** Camunda 7's default for resource ids (ProcessEngineConfigurationImpl). */
    private static final String CAMUNDA_DEFAULT_ID_PATTERN = "[a-zA-Z0-9]+|camunda-admin";

    private final RoleProperties roles;

    public SmsGroupsSetup(RoleProperties roles) {
        this.roles = roles;
    }

    /**
     * Camunda accepts only letters and digits in group ids by default (plus camunda-admin); the role groups have a
     * hyphen. Their exact names are added to the pattern, nothing else.
     */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        String pattern = configuration.getGroupResourceWhitelistPattern();
        if (pattern == null || pattern.isEmpty()) {
            pattern = configuration.getGeneralResourceWhitelistPattern();
        }
        if (pattern == null || pattern.isEmpty()) {
            pattern = CAMUNDA_DEFAULT_ID_PATTERN;
        }
        StringBuilder extended = new StringBuilder(pattern);
        for (List<String> groups : List.of(roles.getAdminGroups(), roles.getOperatorGroups(), roles.getMarketerGroups(),
                roles.getCrmGroups())) {
            for (String group : groups) {
                if (!group.matches(extended.toString())) {
                    extended.append('|').append(Pattern.quote(group));
                }
            }
        }
        configuration.setGroupResourceWhitelistPattern(extended.toString());
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (!roles.isCreateGroups()) {
            return;
        }
        String admin = first(roles.getAdminGroups());
        String operator = first(roles.getOperatorGroups());
        String crm = first(roles.getCrmGroups());
        if (admin != null && !admin.equals(Groups.CAMUNDA_ADMIN) && setUp(engine, admin, "SMS administrators")) {
            for (String application : List.of("cockpit", "tasklist")) {
                grant(engine.getAuthorizationService(), admin, Resources.APPLICATION, application, Permissions.ACCESS);
            }
            for (Resource r : List.of(Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE, Resources.TASK,
                    Resources.DECISION_DEFINITION, Resources.DECISION_REQUIREMENTS_DEFINITION, Resources.DEPLOYMENT,
                    Resources.BATCH, Resources.FILTER)) {
                grant(engine.getAuthorizationService(), admin, r, ANY, Permissions.ALL);
            }
        }
        if (operator != null && setUp(engine, operator, "SMS operators")) {
            grantOperator(engine.getAuthorizationService(), operator);
        }
        String marketer = first(roles.getMarketerGroups());
        if (marketer != null && setUp(engine, marketer, "SMS marketers")) {
            // Tasklist, and the tasks of campaigns only: approve, edit, pick a winner
            AuthorizationService auth = engine.getAuthorizationService();
            grant(auth, marketer, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(auth, marketer, Resources.PROCESS_DEFINITION, "campaign", ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
                    ProcessDefinitionPermissions.TASK_ASSIGN);
            grant(auth, marketer, Resources.FILTER, ANY, Permissions.READ);
        }
        if (crm != null && setUp(engine, crm, "CRM clients")) {
            AuthorizationService auth = engine.getAuthorizationService();
            grant(auth, crm, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
            for (String key : roles.getCrmProcessKeys()) {
                grant(auth, crm, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.CREATE_INSTANCE);
            }
        }
    }

    /** True if the group's default authorizations are to be created (it has none yet). */
    private static boolean setUp(ProcessEngine engine, String groupId, String name) {
        IdentityService identity = engine.getIdentityService();
        if (!identity.isReadOnly() && identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(name);
            group.setType(Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
            LOG.info("Created the Camunda group '{}' ({}): add users to it in Camunda Admin", groupId, name);
        }
        // Camunda grants a new group the right to read itself: that one does not count as set up
        AuthorizationService auth = engine.getAuthorizationService();
        return auth.createAuthorizationQuery().groupIdIn(groupId).count()
                == auth.createAuthorizationQuery().groupIdIn(groupId).resourceType(Resources.GROUP).count();
    }

    private static void grantOperator(AuthorizationService auth, String group) {
        grant(auth, group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(auth, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(auth, group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.RETRY_JOB,
                ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
        grant(auth, group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ,
                ProcessInstancePermissions.RETRY_JOB);
        grant(auth, group, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.TASK_WORK,
                TaskPermissions.TASK_ASSIGN, TaskPermissions.READ_HISTORY);
        grant(auth, group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(auth, group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(auth, group, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(auth, group, Resources.FILTER, ANY, Permissions.READ);
    }

    private static void grant(AuthorizationService auth, String group, Resource resource, String resourceId,
                              Permission... permissions) {
        Authorization a = auth.createNewAuthorization(AUTH_TYPE_GRANT);
        a.setGroupId(group);
        a.setResource(resource);
        a.setResourceId(resourceId);
        for (Permission p : permissions) {
            a.addPermission(p);
        }
        auth.saveAuthorization(a);
    }

    private static String first(List<String> groups) {
        return groups == null || groups.isEmpty() ? null : groups.get(0);
    }
}
