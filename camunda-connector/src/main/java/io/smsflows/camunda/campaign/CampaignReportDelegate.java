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
 * {@code kpiConversions}, {@code kpiRevenue}, and all of it per variant as JSON in {@code campaignReport}.
 */
public class CampaignReportDelegate implements JavaDelegate {

    private final CampaignKpis kpis;
    private final ObjectMapper json;

    public CampaignReportDelegate(CampaignKpis kpis, ObjectMapper json) {
        this.kpis = kpis;
        this.json = json;
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
        execution.setVariable("campaignReport", json.writeValueAsString(report));
    }
}
