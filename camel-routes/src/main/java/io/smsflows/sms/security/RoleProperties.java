package io.smsflows.sms.security;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Roles of our REST API as Camunda groups, {@code smsflows.security.roles.*}. A user holds a role when it is in
 * one of the role's groups. The groups are created at start if missing, each with default engine authorizations
 * (Cockpit, Tasklist, process starts); change them in Camunda Admin, they are not overwritten.
 */
@ConfigurationProperties(prefix = "smsflows.security.roles")
public class RoleProperties {

    /** Groups of sms-admins. camunda-admin is Camunda's own administrators' group. */
    private List<String> adminGroups = new ArrayList<>(List.of("sms-admin", "camunda-admin"));
    /** Groups of operators. */
    private List<String> operatorGroups = new ArrayList<>(List.of("sms-operator"));
    /** Groups of marketers (campaign approval in Tasklist). */
    private List<String> marketerGroups = new ArrayList<>(List.of("sms-marketer"));
    /** Groups of CRM clients. */
    private List<String> crmGroups = new ArrayList<>(List.of("crm"));
    /** Create the first group of each role, with default authorizations, when it does not exist. */
    private boolean createGroups = true;
    /** Processes the crm role may start over Camunda's REST API (its only engine permission). */
    private List<String> crmProcessKeys = new ArrayList<>(
            List.of("send-and-track", "sms-ask", "appointment-reminder", "abandoned-cart"));

    public Map<SmsRole, Set<String>> groupsByRole() {
        Map<SmsRole, Set<String>> map = new EnumMap<>(SmsRole.class);
        map.put(SmsRole.ADMIN, new LinkedHashSet<>(adminGroups));
        map.put(SmsRole.OPERATOR, new LinkedHashSet<>(operatorGroups));
        map.put(SmsRole.MARKETER, new LinkedHashSet<>(marketerGroups));
        map.put(SmsRole.CRM, new LinkedHashSet<>(crmGroups));
        return map;
    }

    public List<String> getAdminGroups() { return adminGroups; }
    public void setAdminGroups(List<String> adminGroups) { this.adminGroups = adminGroups; }
    public List<String> getOperatorGroups() { return operatorGroups; }
    public void setOperatorGroups(List<String> operatorGroups) { this.operatorGroups = operatorGroups; }
    public List<String> getMarketerGroups() { return marketerGroups; }
    public void setMarketerGroups(List<String> marketerGroups) { this.marketerGroups = marketerGroups; }
    public List<String> getCrmGroups() { return crmGroups; }
    public void setCrmGroups(List<String> crmGroups) { this.crmGroups = crmGroups; }
    public boolean isCreateGroups() { return createGroups; }
    public void setCreateGroups(boolean createGroups) { this.createGroups = createGroups; }
    public List<String> getCrmProcessKeys() { return crmProcessKeys; }
    public void setCrmProcessKeys(List<String> crmProcessKeys) { this.crmProcessKeys = crmProcessKeys; }
}
