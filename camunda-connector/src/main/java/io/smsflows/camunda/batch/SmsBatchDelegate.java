package io.smsflows.camunda.batch;

import io.smsflows.sms.batch.BatchReceipt;
import io.smsflows.sms.batch.BatchRequest;
import io.smsflows.sms.batch.BatchTooLargeException;
import io.smsflows.sms.batch.RecipientSources;
import io.smsflows.sms.batch.SmsBatches;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The "Send SMS batch" task: {@code camunda:delegateExpression="${smsSendBatch}"}. Accepts a batch in the job's
 * transaction (a failed job leaves no batch), then the process waits for {@code SmsBatchCompleted} like a send task
 * waits for a receipt: one process instance for the whole audience.
 *
 * <p>Recipients (one of): {@code recipients} (a list of maps or a JSON array of {@code {to, text?, locale?,
 * variables?}}), {@code recipientsUrl} (a CRM segment paged as {@code {url}?cursor=...} answering
 * {@code {"members": [...], "nextCursor": "..."}}), or {@code recipientsFile} (a CSV or NDJSON file: path,
 * {@code file:} or {@code classpath:}). Other inputs: {@code text} or {@code template} (+ {@code locale}),
 * {@code category}, {@code sender}, {@code smartReplacement}, {@code idempotencyKey} (default: process instance +
 * activity instance), {@code completedMessage} (default SmsBatchCompleted). A campaign's send gives
 * {@code campaignId}, {@code campaignVariant} and {@code campaignGroup} (test, rest or all) instead: recipients and
 * content are the campaign's.
 *
 * <p>Outputs: {@code smsBatchId}, {@code smsBatchAccepted}, {@code smsBatchRejected}. BPMN error
 * {@code SMS_BATCH_INVALID} when the batch cannot be sent at all (unknown category, no text, no recipients, too many,
 * unreadable source); rows that are wrong are rejected one by one, with reasons, and the rest is sent.
 */
public class SmsBatchDelegate implements JavaDelegate {

    public static final String ERROR_INVALID = "SMS_BATCH_INVALID";

    private final SmsBatches batches;
    private final RecipientSources sources;
    private volatile io.smsflows.sms.campaign.CampaignSends campaigns;

    /** Campaign sends: with {@code campaignId}, the recipients and content are the campaign's. */
    public void setCampaignSends(io.smsflows.sms.campaign.CampaignSends campaigns) {
        this.campaigns = campaigns;
    }

    public SmsBatchDelegate(SmsBatches batches, RecipientSources sources) {
        this.batches = batches;
        this.sources = sources;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String key = string(execution, "idempotencyKey");
        if (key == null) {
            key = execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId();
        }
        Object smart = execution.getVariable("smartReplacement");
        BatchRequest request = BatchRequest.of(string(execution, "category"), string(execution, "sender"),
                string(execution, "text"), string(execution, "template"), string(execution, "locale"),
                smart instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(smart)), key, null)
                .forProcess(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                        execution.getCurrentActivityId(), string(execution, "completedMessage"));
        BatchReceipt receipt;
        String campaignId = string(execution, "campaignId");
        if (campaignId != null) {
            if (campaigns == null) {
                throw new IllegalStateException("campaignId is given but campaigns are not set up in this app");
            }
            String variant = string(execution, "campaignVariant");
            String group = string(execution, "campaignGroup");
            try {
                receipt = campaigns.send(campaignId, variant == null ? "A" : variant, group == null ? "all" : group,
                        request);
            } catch (IllegalArgumentException | BatchTooLargeException e) {
                throw new BpmnError(ERROR_INVALID, e.getMessage());
            }
            execution.setVariable("smsBatchId", receipt.id());
            execution.setVariable("smsBatchAccepted", receipt.accepted());
            execution.setVariable("smsBatchRejected", receipt.rejectedCount());
            return;
        }
        try (RecipientSources.Opened source = sources.open(execution.getVariable("recipients"),
                string(execution, "recipientsUrl"), string(execution, "recipientsFile"))) {
            receipt = batches.accept(request, source.rows());
        } catch (IllegalArgumentException | BatchTooLargeException e) {
            throw new BpmnError(ERROR_INVALID, e.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the recipients source failed: " + e.getMessage(), e);
        }
        execution.setVariable("smsBatchId", receipt.id());
        execution.setVariable("smsBatchAccepted", receipt.accepted());
        execution.setVariable("smsBatchRejected", receipt.rejectedCount());
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
