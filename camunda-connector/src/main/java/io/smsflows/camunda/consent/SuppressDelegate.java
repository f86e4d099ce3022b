package io.smsflows.camunda.consent;

import io.smsflows.sms.consent.ConsentSource;
import io.smsflows.sms.consent.Suppression;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.number.InvalidPhoneNumberException;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.reply.Conversations;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * "Add to suppression list": {@code camunda:delegateExpression="${smsSuppress}"}. Idempotent: a number already
 * suppressed in the scope keeps its first record (an SMS opt-out is stored by the pipeline before this runs).
 *
 * <p>Inputs: {@code phone} (required), {@code scope} (GLOBAL or a sender key; default GLOBAL), {@code source}
 * (SMS, CRM, OPERATOR), {@code reason}, {@code proof}, {@code actor} (default: the authenticated user or starter).
 * Outputs: {@code phone} (E.164), {@code suppressionId}, {@code suppressedSince}.
 * BPMN error {@code SMS_INVALID_RECIPIENT} for a number that is not one.
 */
public class SuppressDelegate implements JavaDelegate {

    private final SuppressionList suppressions;
    private final Conversations conversations;

    public SuppressDelegate(SuppressionList suppressions, Conversations conversations) {
        this.suppressions = suppressions;
        this.conversations = conversations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String phone = ConsentVariables.phone(execution);
        Suppression s = suppressions.suppress(phone, ConsentVariables.scope(execution),
                ConsentVariables.source(execution), ConsentVariables.string(execution, "reason"),
                ConsentVariables.string(execution, "proof"), ConsentVariables.string(execution, "smsReplyId"),
                ConsentVariables.actor(execution));
        conversations.closeAll(phone, "OPTED_OUT");
        // the task's input "phone" is local: the normalised number goes to the process for later steps
        execution.getProcessInstance().setVariable("phone", phone);
        execution.setVariable("suppressionId", s.id());
        execution.setVariable("suppressedSince", java.util.Date.from(s.createdAt()));
    }

    /** Reading the consent tasks' inputs, shared by the consent delegates. */
    static final class ConsentVariables {

        private ConsentVariables() {
        }

        static String phone(DelegateExecution execution) {
            String raw = string(execution, "phone");
            try {
                return PhoneNumbers.toE164(raw, null);
            } catch (InvalidPhoneNumberException e) {
                throw new BpmnError("SMS_INVALID_RECIPIENT", e.getMessage());
            }
        }

        static String scope(DelegateExecution execution) {
            String scope = string(execution, "scope");
            return scope == null ? Suppression.GLOBAL : scope;
        }

        static ConsentSource source(DelegateExecution execution) {
            String source = string(execution, "source");
            try {
                return source == null ? ConsentSource.OPERATOR : ConsentSource.valueOf(source.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("source '" + source + "' is not one of SMS, CRM, OPERATOR, WEB_FORM, IMPORT", e);
            }
        }

        static String actor(DelegateExecution execution) {
            String actor = string(execution, "actor");
            if (actor != null) {
                return actor;
            }
            String user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
                    ? null : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
            return user != null ? user : string(execution, "initiator");
        }

        static String string(DelegateExecution execution, String name) {
            Object value = execution.getVariable(name);
            return value == null || value.toString().isBlank() ? null : value.toString();
        }
    }
}
