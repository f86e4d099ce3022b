package io.smsflows.camunda.consent;

import io.smsflows.camunda.consent.SuppressDelegate.ConsentVariables;
import io.smsflows.sms.reply.Conversations;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * "Check no other question waits": {@code ${smsOpenQuestions}}. A reply goes to the newest open question of its
 * number, so a double opt-in asked while an appointment reminder waits for its YES would take that YES as consent.
 * Outputs: {@code questionWaiting} (another question to {@code phone} is open) and {@code busyChecks} (how often
 * this instance found one; the model waits and looks again).
 */
public class OpenQuestionsDelegate implements JavaDelegate {

    private final Conversations conversations;
    private final Clock clock;

    public OpenQuestionsDelegate(Conversations conversations, Clock clock) {
        this.conversations = conversations;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean waiting = conversations.hasOpen(ConsentVariables.phone(execution), clock.instant());
        Object checks = execution.getVariable("busyChecks");
        execution.setVariable("questionWaiting", waiting);
        execution.setVariable("busyChecks", (checks instanceof Number n ? n.intValue() : 0) + (waiting ? 1 : 0));
    }
}
