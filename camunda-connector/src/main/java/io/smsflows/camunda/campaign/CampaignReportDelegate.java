package io.smsflows.camunda.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsflows.sms.campaign.CampaignKpis;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * "Report campaign": {@code camunda:delegateExpression="${smsCampaignReport}"}. Writes the campaign's figures as
 * process variables for Cockpit and the CRM: {@code kpiMessages}, {@code kpiSent}, {@code kpiDelivered},
 * {@code kpiFailed}, {@code kpiPending}, {@code kpiNotSent}, {@code kpiParts}, {@code kpiCost},
 * {@code kpiUniqueClicks}, {@code kpiClickThroughRate}, {@code kpiReplies}, {@code kpiOptOuts},
 * {@code kpiConversions}, {@code kpiRevenue}, and all of it per variant as JSON in {@code campaignReport}; and
 * {@code campaignOutcome}: {@code sent}, or {@code partlySent} when a send was refused ({@code campaignProblems} says
 * which and why).
 */
public class CampaignReportDelegate implements JavaDelegate {

    private final CampaignKpis kpis;
    private final ObjectMapper json;
    private final io.smsflows.sms.campaign.CampaignRepository campaigns;

    public CampaignReportDelegate(CampaignKpis kpis, ObjectMapper json,
                                  io.smsflows.sms.campaign.CampaignRepository campaigns) {
        this.kpis = kpis;
        this.json = json;
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        CampaignKpis.Report report = kpis.report(execution.getProcessBusinessKey());
        CampaignKpis.Figures t = report.total();
        execution.setVariable("kpiMessages", t.messages());
        execution.setVariable("kpiSent", t.sent());
        execution.setVariable("kpiDelivered", t.delivered());
        execution.setVariable("kpiFailed", t.failed());
        execution.setVariable("kpiPending", t.pending());
        execution.setVariable("kpiNotSent", t.notSent().values().stream().mapToInt(Integer::intValue).sum());
        execution.setVariable("kpiParts", t.parts());
        execution.setVariable("kpiCost", t.cost() == null ? null : t.cost().doubleValue());
        execution.setVariable("kpiUniqueClicks", t.uniqueClicks());
        execution.setVariable("kpiClickThroughRate", t.clickThroughRate());
        execution.setVariable("kpiReplies", t.replies());
        execution.setVariable("kpiOptOuts", t.optOuts());
        execution.setVariable("kpiConversions", t.conversions());
        execution.setVariable("kpiRevenue", t.revenue().doubleValue());
        String all = json.writeValueAsString(report);
        // a String variable keeps 4,000 characters: past that, the total only (the API has everything)
        execution.setVariable("campaignReport", all.length() <= 3900 ? all : json.writeValueAsString(java.util.Map.of(
                "total", t, "note", "per variant: GET /api/campaigns/" + execution.getProcessBusinessKey())));
        String problems = campaigns.findById(execution.getProcessBusinessKey())
                .map(io.smsflows.sms.campaign.CampaignRepository.CampaignRow::problems).orElse(null);
        execution.setVariable("campaignProblems", problems == null ? null : CampaignVariables.fitting(problems));
        // some send was refused (its group empty, its sender refused): said, not hidden behind "sent"
        execution.setVariable("campaignOutcome", problems == null ? "sent" : "partlySent");
    }
}
