package io.smsflows.camunda.consent;

import io.smsflows.camunda.consent.SuppressDelegate.ConsentVariables;
import io.smsflows.sms.consent.SuppressionList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * "Lift suppression": {@code camunda:delegateExpression="${smsResubscribe}"}: a deliberate re-subscription, recorded
 * as a consent event. Inputs as {@link SuppressDelegate}. Outputs: {@code phone} (E.164) and {@code resubscribed}
 * (false if the number was not suppressed in that scope: nothing changed).
 */
public class ResubscribeDelegate implements JavaDelegate {

    private final SuppressionList suppressions;

    public ResubscribeDelegate(SuppressionList suppressions) {
        this.suppressions = suppressions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String phone = ConsentVariables.phone(execution);
        boolean lifted = suppressions.resubscribe(phone, ConsentVariables.scope(execution),
                ConsentVariables.source(execution), ConsentVariables.string(execution, "reason"),
                ConsentVariables.actor(execution));
        // the task's input "phone" is local: the normalised number goes to the process for later steps
        execution.getProcessInstance().setVariable("phone", phone);
        execution.setVariable("resubscribed", lifted);
    }
}
