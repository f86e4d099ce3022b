package io.smsflows.camunda.consent;

import io.smsflows.camunda.consent.SuppressDelegate.ConsentVariables;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;

/**
 * "End running journeys": correlates {@code SmsUnsubscribed} into every process instance that would still send to
 * the number, i.e. that has a process variable {@code smsRecipient} or {@code phone} equal to it (E.164) and waits
 * for that message. What ending means is the journey's business (an event sub-process or boundary event catching
 * {@code SmsUnsubscribed}). Output: {@code journeysEnded} (how many instances got the message).
 */
public class EndJourneysDelegate implements JavaDelegate {

    public static final String MESSAGE = "SmsUnsubscribed";

    @Override
    public void execute(DelegateExecution execution) {
        String phone = ConsentVariables.phone(execution);
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        Set<String> reached = new HashSet<>();
        for (String variable : new String[] {"smsRecipient", "phone"}) {
            for (MessageCorrelationResult r : runtime.createMessageCorrelation(MESSAGE)
                    .processInstanceVariableEquals(variable, phone)
                    .setVariable("unsubscribedBy", execution.getProcessInstanceId())
                    .correlateAllWithResult()) {
                if (r.getExecution() != null) {
                    reached.add(r.getExecution().getProcessInstanceId());
                }
            }
        }
        execution.setVariable("journeysEnded", reached.size());
    }
}
