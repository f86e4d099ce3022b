package io.smsflows.camunda.campaign;

import io.smsflows.sms.batch.RecipientSources;
import io.smsflows.sms.campaign.AudienceSummary;
import io.smsflows.sms.campaign.CampaignAudiences;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * "Build campaign audience": {@code camunda:delegateExpression="${smsCampaignAudience}"}. Reads the audience
 * ({@code recipientsUrl}: a CRM segment, {@code recipientsFile}, or {@code recipients}), checks it and stores it as
 * rows of the campaign, in the job's transaction: a source that fails (the CRM down) fails the job, which is retried
 * and then shows as an incident, with nothing half stored.
 *
 * <p>Outputs: {@code audienceSize}, {@code audienceRows}, {@code testSize}, {@code excludedTotal},
 * {@code excludedOptedOut}, {@code excludedNoConsent}, {@code excludedInvalid}, {@code excludedDuplicate}, and
 * {@code audienceSummary} (a line for the approver).
 */
public class CampaignAudienceDelegate implements JavaDelegate {

    private final CampaignAudiences audiences;
    private final RecipientSources sources;
    private final io.smsflows.sms.campaign.CampaignRepository campaigns;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public CampaignAudienceDelegate(CampaignAudiences audiences, RecipientSources sources,
                                    io.smsflows.sms.campaign.CampaignRepository campaigns,
                                    com.fasterxml.jackson.databind.ObjectMapper json) {
        this.audiences = audiences;
        this.sources = sources;
        this.campaigns = campaigns;
        this.json = json;
    }

    /** The list the CRM gave inline, read from the stored request (numbers are kept out of process variables). */
    private Object inline(String campaignId) throws java.io.IOException {
        String request = campaigns.findById(campaignId).orElseThrow(() -> new IllegalStateException("no campaign "
                + campaignId + " is stored: start campaigns with POST /api/campaigns")).request();
        return json.readTree(request).path("audience").path("recipients").toString();
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        String campaignId = execution.getProcessBusinessKey();
        AudienceSummary summary;
        Object inline = Boolean.TRUE.equals(execution.getVariable("recipientsInline")) ? inline(campaignId)
                : execution.getVariable("recipients");
        if (inline instanceof String s && !s.startsWith("[")) {
            // a retry after the rows were stored and the numbers removed from the request: build from the rows
            throw new IllegalStateException("the inline list of campaign " + campaignId + " was already moved into "
                    + "its audience; this job should not run again (the audience is built)");
        }
        try (RecipientSources.Opened source = sources.open(inline,
                CampaignVariables.string(execution, "recipientsUrl"),
                CampaignVariables.string(execution, "recipientsFile"))) {
            summary = audiences.build(campaignId, source.rows(), CampaignVariables.string(execution, "category"),
                    CampaignVariables.string(execution, "sender"), CampaignVariables.names(execution),
                    CampaignVariables.testShare(execution), campaignId.hashCode());
        }
        if (Boolean.TRUE.equals(execution.getVariable("recipientsInline"))) {
            // the numbers and their fields now live in the audience rows (erasable one by one): the stored request
            // keeps how many there were
            com.fasterxml.jackson.databind.node.ObjectNode request = (com.fasterxml.jackson.databind.node.ObjectNode)
                    json.readTree(campaigns.findById(campaignId).orElseThrow().request());
            ((com.fasterxml.jackson.databind.node.ObjectNode) request.path("audience")).put("recipients",
                    summary.rows() + " rows, kept as the campaign's audience");
            campaigns.request(campaignId, json.writeValueAsString(request));
        }
        Map<String, Integer> excluded = summary.excluded();
        execution.setVariable("audienceRows", summary.rows());
        execution.setVariable("audienceSize", summary.audience());
        execution.setVariable("testSize", summary.test());
        execution.setVariable("excludedTotal", summary.excludedTotal());
        execution.setVariable("excludedOptedOut", excluded.getOrDefault(CampaignAudiences.OPTED_OUT, 0));
        execution.setVariable("excludedNoConsent", excluded.getOrDefault(CampaignAudiences.NO_CONSENT, 0));
        execution.setVariable("excludedInvalid", excluded.getOrDefault(CampaignAudiences.INVALID_NUMBER, 0)
                + excluded.getOrDefault(CampaignAudiences.INVALID_ROW, 0));
        execution.setVariable("excludedDuplicate", excluded.getOrDefault(CampaignAudiences.DUPLICATE, 0));
        StringBuilder line = new StringBuilder().append(summary.audience()).append(" of ").append(summary.rows())
                .append(" rows will get it");
        if (summary.test() > 0) {
            line.append("; ").append(summary.test()).append(" in the A/B test ").append(summary.byVariant());
        }
        line.append(". Left out: ").append(summary.excludedTotal() == 0 ? "none" : excluded.toString());
        execution.setVariable("audienceSummary", line.toString());
    }
}
