package io.smsflows.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsflows.sms.batch.SmsBatches;
import io.smsflows.sms.batch.TextTemplates;
import io.smsflows.sms.campaign.CampaignAudiences;
import io.smsflows.sms.campaign.CampaignKpis;
import io.smsflows.sms.campaign.CampaignPreviews;
import io.smsflows.sms.campaign.CampaignRepository;
import io.smsflows.sms.campaign.CampaignSends;
import io.smsflows.sms.codec.SmsEncoder;
import io.smsflows.sms.config.EncodingPolicy;
import io.smsflows.sms.config.SmsFlowsSchema;
import io.smsflows.sms.consent.ConsentProperties;
import io.smsflows.sms.consent.ConsentRecords;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.link.ShortLinks;
import io.smsflows.sms.number.RecipientPolicy;
import io.smsflows.sms.preview.PricingProperties;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Campaigns' pipeline side: the audience (checked and split before approval), the preview over it, the sends (one
 * batch per variant and group) and the figures. The process and its REST API are in the Camunda configuration.
 */
@Configuration(proxyBeanMethods = false)
class CampaignConfiguration {

    @Bean
    CampaignRepository smsCampaignRepository(DataSource dataSource, SmsFlowsSchema schema) {
        return new CampaignRepository(new JdbcTemplate(dataSource));
    }

    @Bean
    CampaignAudiences smsCampaignAudiences(CampaignRepository campaigns, SuppressionList suppressions,
                                           ObjectProvider<ConsentRecords> consents, RecipientPolicy recipients,
                                           ObjectProvider<ObjectMapper> json, ConsentProperties consent) {
        // the same rule as the wire's gate: records are checked only where marketing needs them
        return new CampaignAudiences(campaigns, suppressions,
                consent.getMarketing() == ConsentProperties.MarketingMode.RECORDS ? consents.getIfAvailable() : null,
                recipients,
                json.getIfAvailable(ObjectMapper::new));
    }

    @Bean
    CampaignPreviews smsCampaignPreviews(CampaignRepository campaigns, SmsEncoder encoder, EncodingPolicy encoding,
                                         PricingProperties pricing, ObjectProvider<TextTemplates> templates,
                                         ObjectProvider<ObjectMapper> json, ShortLinks links) {
        CampaignPreviews previews = new CampaignPreviews(campaigns, encoder, encoding, pricing,
                templates.getIfAvailable(() -> TextTemplates.NONE), json.getIfAvailable(ObjectMapper::new));
        previews.setShortLinks(links);
        return previews;
    }

    @Bean
    CampaignSends smsCampaignSends(CampaignRepository campaigns, SmsBatches batches,
                                   ObjectProvider<ObjectMapper> json) {
        return new CampaignSends(campaigns, batches, json.getIfAvailable(ObjectMapper::new));
    }

    @Bean
    CampaignKpis smsCampaignKpis(DataSource dataSource, PricingProperties pricing, SmsFlowsSchema schema) {
        return new CampaignKpis(new JdbcTemplate(dataSource), pricing.getCurrency());
    }
}
