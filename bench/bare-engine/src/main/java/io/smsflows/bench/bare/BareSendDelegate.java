package io.smsflows.bench.bare;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The "Send SMS" task without SMS work: {@code camunda:delegateExpression="${bareSend}"}. Reads the same inputs and
 * writes the same four output variables as the app's SmsSendDelegate, plus one outbox row in the job's transaction.
 */
@Component("bareSend")
public class BareSendDelegate implements JavaDelegate {

    private final BareOutbox outbox;

    public BareSendDelegate(BareOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String to = String.valueOf(execution.getVariable("to"));
        String id = UUID.randomUUID().toString();
        outbox.insert(id, execution.getProcessInstanceId());
        execution.setVariable("smsMessageId", id);
        execution.setVariable("smsRecipient", to);
        execution.setVariable("smsParts", 1);
        execution.setVariable("smsEncoding", "GSM7");
    }
}
