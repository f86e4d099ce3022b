package io.smsflows.camunda.delegate;

import io.smsflows.sms.codec.SmsTooLongException;
import io.smsflows.sms.consent.RecipientSuppressedException;
import io.smsflows.sms.number.InvalidPhoneNumberException;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.number.SenderPolicy;
import io.smsflows.sms.outbox.EnqueuedSms;
import io.smsflows.sms.outbox.OutboundSms;
import io.smsflows.sms.outbox.SmsOutbox;
import io.smsflows.camunda.journey.SmsTemplates;
import io.smsflows.sms.reply.Conversation;
import io.smsflows.sms.reply.Conversations;
import io.smsflows.sms.reply.ReplyProperties;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The "Send SMS" task: {@code camunda:delegateExpression="${smsSend}"}. Puts the message into the outbox in the
 * job's transaction; the SMSC is contacted only after the transaction commits.
 *
 * <p>Inputs (input parameters or process variables): {@code to} (required), {@code text} (or {@code template}: a
 * key of the sms-templates decision, rendered in {@code locale} with process variables), {@code sender},
 * {@code category} (transactional | marketing), {@code smartReplacement} (boolean), {@code deliveredMessage} and
 * {@code failedMessage} (BPMN message names for the outcome; defaults SmsDelivered / SmsFailed),
 * {@code idempotencyKey} (default: process instance + activity instance), {@code expectsReply} (boolean: register a
 * conversation so the customer's answer is correlated into this instance), {@code replyMessage} (BPMN message of the
 * answer, default SmsReply), {@code replyTimeout} (ISO-8601 duration the conversation stays open, default P3D),
 * {@code locale} (language the answer is read in; default: the country of the number).
 *
 * <p>Outputs: {@code smsMessageId}, {@code smsRecipient} (E.164), {@code smsParts}, {@code smsEncoding}, and with
 * {@code expectsReply} {@code smsReplyDeadline} (when the conversation closes: the model's reply timer).
 *
 * <p>BPMN errors a model can catch: {@code SMS_TOO_LONG} (more parts than the category allows),
 * {@code SMS_INVALID_RECIPIENT} and {@code SMS_SUPPRESSED} (the number opted out; nothing queued). A sender that
 * cannot be used (malformed, not delivered in the recipient's country, a name where a reply is expected:
 * docs/carriers.md) is a configuration fault, not the customer's: the job fails into an incident that says what to
 * set, and a retry after the fix sends it. A number that opts out after the message was queued is caught again right before the wire: the outcome is then SmsFailed with
 * {@code smsErrorCode = SUPPRESSED}. Anything else (database down...) fails the job: retried, then an incident.
 */
public class SmsSendDelegate implements JavaDelegate {

    public static final String ERROR_TOO_LONG = "SMS_TOO_LONG";
    public static final String ERROR_INVALID_RECIPIENT = "SMS_INVALID_RECIPIENT";
    public static final String ERROR_SUPPRESSED = "SMS_SUPPRESSED";

    private final SmsOutbox outbox;
    private final Conversations conversations;
    private final String defaultSender;
    private final ReplyProperties replies;

    private final SmsTemplates templates;
    private final SenderPolicy senders;

    public SmsSendDelegate(SmsOutbox outbox, Conversations conversations, String defaultSender,
                           ReplyProperties replies, SmsTemplates templates) {
        this(outbox, conversations, defaultSender, replies, templates, SenderPolicy.ANY);
    }

    /** @param senders the sender a reply can come back to, and the one the recipient's country takes */
    public SmsSendDelegate(SmsOutbox outbox, Conversations conversations, String defaultSender,
                           ReplyProperties replies, SmsTemplates templates, SenderPolicy senders) {
        this.senders = senders;
        this.templates = templates;
        this.outbox = outbox;
        this.conversations = conversations;
        this.defaultSender = defaultSender;
        this.replies = replies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String key = string(execution, "idempotencyKey");
        if (key == null) {
            // same activity instance = same message: a retried job whose first attempt rolled back writes it once
            key = execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId();
        }
        Object smart = execution.getVariable("smartReplacement");
        if (smart == null) {
            smart = false;
        }
        String text = string(execution, "text");
        String template = string(execution, "template");
        if ((text == null || text.isBlank()) && template != null && !template.isBlank()) {
            text = templates.render(template.trim(), execution);
        }
        boolean expectsReply = bool(execution, "expectsReply");
        String sender;
        try {
            String given = string(execution, "sender");
            String region = PhoneNumbers.parse(string(execution, "to"), null).region();
            String chosen = given == null || given.isBlank() ? defaultSender : given;
            String resolved = senders.resolve(chosen, region, expectsReply);
            // a reply must come back to the sender the conversation waits on: the two-way number if it replaced it
            sender = resolved.equals(chosen) ? given : resolved;
        } catch (InvalidPhoneNumberException e) {
            throw new BpmnError(ERROR_INVALID_RECIPIENT, e.getMessage());
        }
        OutboundSms sms = new OutboundSms(string(execution, "to"), text,
                sender, string(execution, "category"), key, execution.getProcessInstanceId(),
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
        } catch (RecipientSuppressedException e) {
            throw new BpmnError(ERROR_SUPPRESSED, e.getMessage());
        }
        if (expectsReply && !queued.duplicate()) {
            String replyMessage = string(execution, "replyMessage");
            String timeout = string(execution, "replyTimeout");
            // same transaction as the outbox row: a rolled-back job leaves neither
            Conversation conversation = conversations.open(queued.recipient(),
                    sender == null ? defaultSender : sender,
                    execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                    replyMessage == null ? replies.getReplyMessage() : replyMessage,
                    string(execution, "locale"), queued.messageId(),
                    timeout == null ? replies.getConversationTimeout() : Duration.parse(timeout), journey(execution));
            // one deadline for the whole wait (a timer restarted at the receipt would outlive the conversation)
            execution.setVariable("smsReplyDeadline", java.util.Date.from(conversation.expiresAt()));
        }
        execution.setVariable("smsMessageId", queued.messageId());
        execution.setVariable("smsRecipient", queued.recipient());
        execution.setVariable("smsParts", queued.parts());
        execution.setVariable("smsEncoding", queued.encoding());
    }

    /** The key of the process at the top of the call chain: the journey a called sms-ask asks for. */
    static String journey(DelegateExecution execution) {
        if (!(execution instanceof org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity entity)) {
            return null;
        }
        org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity root = entity.getProcessInstance();
        while (root.getSuperExecution() != null) {
            root = root.getSuperExecution().getProcessInstance();
        }
        return root.getProcessDefinition() == null ? null : root.getProcessDefinition().getKey();
    }

    private static boolean bool(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
