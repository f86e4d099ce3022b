package io.smsflows.camunda.consent;

import io.smsflows.sms.crm.CrmCallbacks;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * "Notify CRM": {@code camunda:delegateExpression="${crmNotify}"}. POSTs {@code crmEvent} (required, e.g.
 * unsubscribed) with the business key, process instance and the variables named in {@code crmFields} (comma
 * separated, default "phone") to the CRM. A failing CRM fails the job: retried, then an incident (never lost).
 *
 * <p>With {@code crmResultPrefix} (e.g. "crm"), the CRM's JSON answer becomes variables: a field {@code status}
 * becomes {@code crmStatus}; a list {@code slots} becomes {@code crmSlots1..n} and {@code crmSlotsCount} (plain
 * variables that forms, conditions and Cockpit show without a JSON library).
 */
public class CrmNotifyDelegate implements JavaDelegate {

    private final CrmCallbacks callbacks;

    public CrmNotifyDelegate(CrmCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object event = execution.getVariable("crmEvent");
        if (event == null || event.toString().isBlank()) {
            throw new IllegalArgumentException("input 'crmEvent' is missing: name the event the CRM is told about");
        }
        Object fields = execution.getVariable("crmFields");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("businessKey", execution.getProcessBusinessKey());
        payload.put("processInstanceId", execution.getProcessInstanceId());
        for (String name : (fields == null ? "phone" : fields.toString()).split(",")) {
            String field = name.trim();
            if (!field.isEmpty()) {
                Object value = execution.getVariable(field);
                payload.put(field, value instanceof java.util.Date d ? d.toInstant().toString() : value);
            }
        }
        Map<String, Object> answer = callbacks.send(event.toString().trim(), payload);
        Object prefix = execution.getVariable("crmResultPrefix");
        if (prefix != null && !prefix.toString().isBlank()) {
            answer.forEach((name, value) -> {
                String variable = prefix.toString().trim() + Character.toUpperCase(name.charAt(0)) + name.substring(1);
                if (value instanceof java.util.List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        execution.setVariable(variable + (i + 1), scalar(list.get(i)));
                    }
                    execution.setVariable(variable + "Count", list.size());
                } else {
                    execution.setVariable(variable, scalar(value));
                }
            });
        }
    }

    private static Object scalar(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                ? value : value.toString();
    }
}
