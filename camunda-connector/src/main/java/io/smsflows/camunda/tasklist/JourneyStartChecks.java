package io.smsflows.camunda.tasklist;

import io.smsflows.sms.number.InvalidPhoneNumberException;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.number.RecipientPolicy;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What the journey API checks, for journeys started elsewhere (Tasklist, Cockpit, the engine's REST API): on the
 * start event, {@code ${smsJourneyStart.check(execution, "appointmentId")}} normalises {@code phone} to E.164 and
 * refuses a number the API would refuse (national format, fixed line, blocked destination) with a message that says
 * how to write it, so no journey starts that would fail at reminder time; and it gives the instance the business
 * key the CRM addresses its events to, from the named variable, when the starter set none.
 */
public class JourneyStartChecks {

    private final RecipientPolicy recipients;

    public JourneyStartChecks(RecipientPolicy recipients) {
        this.recipients = recipients;
    }

    public void check(DelegateExecution execution, String businessKeyVariable) {
        Object raw = execution.getVariable("phone");
        try {
            PhoneNumbers.Parsed number = PhoneNumbers.parse(raw == null ? null : raw.toString(), null);
            recipients.check(number);
            execution.setVariable("phone", number.e164());
        } catch (InvalidPhoneNumberException e) {
            throw new IllegalArgumentException("phone: " + e.getMessage() + " Write it in international format, "
                    + "e.g. +33612345678. Nothing was started.", e);
        }
        if (execution.getProcessBusinessKey() == null || execution.getProcessBusinessKey().isBlank()) {
            Object key = execution.getVariable(businessKeyVariable);
            if (key == null || key.toString().isBlank()) {
                throw new IllegalArgumentException(businessKeyVariable + " is required: the CRM addresses the journey's "
                        + "events by it. Nothing was started.");
            }
            execution.setProcessBusinessKey(key.toString().trim());
        }
        // one journey per business key, as the API keeps it: CRM events and callbacks address it by that key
        String key = execution.getProcessBusinessKey();
        String definitionKey = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        boolean taken = execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(definitionKey).processInstanceBusinessKey(key).list().stream()
                .anyMatch(other -> !other.getId().equals(execution.getProcessInstanceId()));
        if (taken) {
            throw new IllegalArgumentException(businessKeyVariable + " '" + key + "' already has a journey: one per "
                    + "business key. Nothing was started.");
        }
    }
}
