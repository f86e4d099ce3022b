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
        callbacks.send(event.toString().trim(), payload);
    }
}
