package io.smsflows.camunda.delegate;

import io.smsflows.sms.codec.SmsTooLongException;
import io.smsflows.sms.number.InvalidPhoneNumberException;
import io.smsflows.sms.outbox.EnqueuedSms;
import io.smsflows.sms.outbox.OutboundSms;
import io.smsflows.sms.outbox.SmsOutbox;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The "Send SMS" task: {@code camunda:delegateExpression="${smsSend}"}. Puts the message into the outbox in the
 * job's transaction; the SMSC is contacted only after the transaction commits.
 *
 * <p>Inputs (input parameters or process variables): {@code to} (required), {@code text} (required), {@code sender},
 * {@code category} (transactional | marketing), {@code smartReplacement} (boolean), {@code deliveredMessage} and
 * {@code failedMessage} (BPMN message names for the outcome; defaults SmsDelivered / SmsFailed),
 * {@code idempotencyKey} (default: process instance + activity instance).
 *
 * <p>Outputs: {@code smsMessageId}, {@code smsRecipient} (E.164), {@code smsParts}, {@code smsEncoding}.
 *
 * <p>BPMN errors a model can catch: {@code SMS_TOO_LONG} (more parts than the category allows) and
 * {@code SMS_INVALID_RECIPIENT}. Anything else (database down...) fails the job: retried, then an incident.
 */
public class SmsSendDelegate implements JavaDelegate {

    public static final String ERROR_TOO_LONG = "SMS_TOO_LONG";
    public static final String ERROR_INVALID_RECIPIENT = "SMS_INVALID_RECIPIENT";

    private final SmsOutbox outbox;

    public SmsSendDelegate(SmsOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String key = string(execution, "idempotencyKey");
        if (key == null) {
            // same activity instance = same message: a retried job whose first attempt rolled back writes it once
            key = execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId();
        }
        Object smart = execution.getVariable("smartReplacement");
        OutboundSms sms = new OutboundSms(string(execution, "to"), string(execution, "text"),
                string(execution, "sender"), string(execution, "category"), key, execution.getProcessInstanceId(),
                execution.getProcessBusinessKey(), execution.getCurrentActivityId(),
                string(execution, "deliveredMessage"), string(execution, "failedMessage"),
                smart instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(smart)));
        EnqueuedSms queued;
        try {
            queued = outbox.enqueue(sms);
        } catch (SmsTooLongException e) {
            throw new BpmnError(ERROR_TOO_LONG, e.getMessage());
        } catch (InvalidPhoneNumberException e) {
            throw new BpmnError(ERROR_INVALID_RECIPIENT, e.getMessage());
        }
        execution.setVariable("smsMessageId", queued.messageId());
        execution.setVariable("smsRecipient", queued.recipient());
        execution.setVariable("smsParts", queued.parts());
        execution.setVariable("smsEncoding", queued.encoding());
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
