package io.smsflows.camunda.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smsflows.camunda.consent.SuppressDelegate.ConsentVariables;
import io.smsflows.sms.consent.ConsentRecords;
import io.smsflows.sms.consent.ConsentRecord;
import io.smsflows.sms.consent.Suppression;
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
 * {@code smsReplyReceivedAt}, {@code smsReplyId}. Output: {@code consentId}.
 */
public class RecordConsentDelegate implements JavaDelegate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConsentRecords consents;

    public RecordConsentDelegate(ConsentRecords consents) {
        this.consents = consents;
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
        ConsentRecord record = consents.record(phone,
                Suppression.GLOBAL.equals(scope) ? ConsentRecords.MARKETING : ConsentRecords.marketingScope(scope),
                true, ConsentVariables.source(execution), proof.toString(), actor(execution));
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
