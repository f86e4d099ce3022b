package io.smsflows.camunda.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smsflows.camunda.consent.SuppressDelegate.ConsentVariables;
import io.smsflows.sms.consent.ConsentRecords;
import io.smsflows.sms.consent.ConsentRecord;
import io.smsflows.sms.consent.RecipientGate;
import io.smsflows.sms.consent.Suppression;
import io.smsflows.sms.consent.SuppressionList;
import org.camunda.bpm.engine.delegate.BpmnError;
import java.io.IOException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * "Record consent" of the double opt-in: {@code camunda:delegateExpression="${smsRecordConsent}"}. Records a granted
 * marketing consent whose proof is the request (form id, IP, user agent, keyword...) and the customer's YES (its
 * text, time and inbound id), so the audit trail shows both steps of the double opt-in.
 *
 * <p>Inputs: {@code phone}, {@code scope} (GLOBAL or a sender key: consent for every sender or for that one),
 * {@code source} (WEB_FORM, SMS, CRM, OPERATOR), {@code proof} (JSON or text of the request), {@code smsReplyText},
 * {@code smsReplyReceivedAt}, {@code smsReplyId}. Output: {@code consentId}. BPMN error {@code SMS_SUPPRESSED} when
 * the number opted out (everywhere, or of the scope's sender): a YES never overrides a STOP.
 */
public class RecordConsentDelegate implements JavaDelegate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConsentRecords consents;
    private final SuppressionList suppressions;
    private final RecipientGate gate;

    public RecordConsentDelegate(ConsentRecords consents, SuppressionList suppressions, RecipientGate gate) {
        this.consents = consents;
        this.suppressions = suppressions;
        this.gate = gate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String phone = ConsentVariables.phone(execution);
        String scope = ConsentVariables.scope(execution);
        ObjectNode proof = JSON.createObjectNode();
        proof.put("method", "double-opt-in");
        proof.set("request", request(ConsentVariables.string(execution, "proof")));
        ObjectNode confirmation = proof.putObject("confirmation");
        confirmation.put("text", ConsentVariables.string(execution, "smsReplyText"));
        Object at = execution.getVariable("smsReplyReceivedAt");
        confirmation.put("receivedAt", at instanceof Date d ? d.toInstant().toString() : at == null ? null : at.toString());
        confirmation.put("inboundId", ConsentVariables.string(execution, "smsReplyId"));
        confirmation.put("processInstanceId", execution.getProcessInstanceId());
        String sender = Suppression.GLOBAL.equals(scope) ? null : scope;
        String actor = actor(execution);
        // under the number's lock, as STOP takes it: an opt-out is either seen here or comes after the consent
        ConsentRecord record = gate.locked(phone, () -> suppressions.blocking(phone, sender).isPresent() ? null
                : consents.record(phone, sender == null ? ConsentRecords.MARKETING : ConsentRecords.marketingScope(sender),
                        true, ConsentVariables.source(execution), proof.toString(), actor));
        if (record == null) {
            // thrown outside the transaction template: a BPMN error must not mark the job's transaction rollback-only
            throw new BpmnError("SMS_SUPPRESSED", "the number opted out" + (sender == null ? "" : " of " + sender)
                    + ": no consent is recorded");
        }
        execution.setVariable("consentId", record.id());
    }

    private static JsonNode request(String proof) {
        if (proof == null) {
            return JSON.nullNode();
        }
        try {
            JsonNode parsed = JSON.readTree(proof);
            return parsed == null ? JSON.getNodeFactory().textNode(proof) : parsed;
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(proof); // e.g. an operator's note
        }
    }

    private static String actor(DelegateExecution execution) {
        String actor = ConsentVariables.actor(execution);
        return actor != null ? actor : "sms-double-opt-in";
    }
}
