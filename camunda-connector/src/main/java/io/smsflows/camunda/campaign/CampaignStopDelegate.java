package io.smsflows.camunda.campaign;

import io.smsflows.sms.batch.SmsBatches;
import io.smsflows.sms.campaign.CampaignRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * "Stop campaign": {@code camunda:delegateExpression="${smsCampaignStop}"}. Cancels every batch of the campaign
 * that has not ended: what is queued never goes out, what is on the wire finishes (its receipts still count).
 * Output: {@code cancelledBatches}.
 */
public class CampaignStopDelegate implements JavaDelegate {

    private final CampaignRepository campaigns;
    private final SmsBatches batches;

    public CampaignStopDelegate(CampaignRepository campaigns, SmsBatches batches) {
        this.campaigns = campaigns;
        this.batches = batches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int cancelled = 0;
        for (String batchId : campaigns.openBatches(execution.getProcessBusinessKey())) {
            try {
                batches.cancel(batchId);
                cancelled++;
            } catch (IllegalStateException ended) {
                // it ended meanwhile: nothing left to stop
            }
        }
        execution.setVariable("cancelledBatches", cancelled);
    }
}
