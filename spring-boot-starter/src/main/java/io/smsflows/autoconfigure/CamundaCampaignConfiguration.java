package io.smsflows.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsflows.camunda.campaign.CampaignAudienceDelegate;
import io.smsflows.camunda.campaign.CampaignPlan;
import io.smsflows.camunda.campaign.CampaignPreviewDelegate;
import io.smsflows.camunda.campaign.CampaignReportDelegate;
import io.smsflows.camunda.campaign.CampaignStopDelegate;
import io.smsflows.camunda.campaign.CampaignWinnerDelegate;
import io.smsflows.sms.batch.RecipientSources;
import io.smsflows.sms.batch.SmsBatches;
import io.smsflows.sms.campaign.CampaignAudiences;
import io.smsflows.sms.campaign.CampaignKpis;
import io.smsflows.sms.campaign.CampaignPreviews;
import io.smsflows.sms.campaign.CampaignRepository;
import io.smsflows.sms.campaign.CampaignSends;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The campaign model's tasks: "Build campaign audience" ({@code smsCampaignAudience}), "Preview campaign"
 * ({@code smsCampaignPreview}), "Pick A/B winner" ({@code smsCampaignWinner}), "Report campaign"
 * ({@code smsCampaignReport}), "Stop campaign" ({@code smsCampaignStop}) and its expressions ({@code smsCampaignPlan}).
 */
@Configuration(proxyBeanMethods = false)
class CamundaCampaignConfiguration {

    @Bean
    CampaignAudienceDelegate smsCampaignAudience(CampaignAudiences audiences, RecipientSources sources,
                                                 CampaignRepository campaigns, ObjectProvider<ObjectMapper> json) {
        return new CampaignAudienceDelegate(audiences, sources, campaigns, json.getIfAvailable(ObjectMapper::new));
    }

    @Bean
    CampaignPreviewDelegate smsCampaignPreview(CampaignPreviews previews, CampaignSends sends) {
        return new CampaignPreviewDelegate(previews, sends);
    }

    @Bean
    CampaignWinnerDelegate smsCampaignWinner(CampaignKpis kpis) {
        return new CampaignWinnerDelegate(kpis);
    }

    @Bean
    CampaignReportDelegate smsCampaignReport(CampaignKpis kpis, ObjectProvider<ObjectMapper> json,
                                             CampaignRepository campaigns) {
        return new CampaignReportDelegate(kpis, json.getIfAvailable(ObjectMapper::new), campaigns);
    }

    @Bean
    CampaignStopDelegate smsCampaignStop(CampaignRepository campaigns, SmsBatches batches) {
        return new CampaignStopDelegate(campaigns, batches);
    }

    @Bean
    CampaignPlan smsCampaignPlan(@Qualifier("smsFlowsClock") Clock clock) {
        return new CampaignPlan(clock);
    }
}
