package io.smsflows.autoconfigure;

import io.smsflows.camunda.consent.CrmNotifyDelegate;
import io.smsflows.camunda.consent.EndJourneysDelegate;
import io.smsflows.camunda.consent.MarketingConsentDelegate;
import io.smsflows.camunda.consent.RecordConsentDelegate;
import io.smsflows.camunda.consent.ResubscribeDelegate;
import io.smsflows.camunda.consent.SmsTexts;
import io.smsflows.camunda.consent.SuppressDelegate;
import io.smsflows.camunda.journey.SmsTemplates;
import io.smsflows.camunda.reply.CamundaReplyListener;
import io.smsflows.camunda.reply.LazyReplyListener;
import io.smsflows.sms.consent.MarketingConsent;
import io.smsflows.sms.consent.ConsentProperties;
import io.smsflows.sms.consent.ConsentRecords;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.crm.CrmCallbacks;
import io.smsflows.sms.reply.Conversations;
import io.smsflows.sms.reply.ReplyListener;
import io.smsflows.sms.reply.ReplyProperties;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replies and consent in BPMN: replies correlated into the instance that asked, the delegates of the unsubscribe and
 * re-subscribe journeys, the marketing consent check, and "Notify CRM".
 */
@Configuration(proxyBeanMethods = false)
class CamundaConsentConfiguration {

    @Bean
    @ConditionalOnMissingBean(ReplyListener.class)
    ReplyListener smsCamundaReplyListener(ObjectProvider<ProcessEngine> engine,
                                          ObjectProvider<io.smsflows.sms.campaign.CampaignRepository> campaigns,
                                          @org.springframework.beans.factory.annotation.Qualifier("smsFlowsClock")
                                          java.time.Clock clock) {
        return new LazyReplyListener(() -> {
            CamundaReplyListener listener = new CamundaReplyListener(engine.getObject());
            campaigns.ifAvailable(repository -> listener.setCampaignOf(phone -> repository
                    .lastCampaignTo(phone, clock.instant().minus(io.smsflows.sms.campaign.CampaignKpis.REPLY_WINDOW))
                    .map(c -> new String[] {c.id(), c.name()})));
            return listener;
        });
    }

    /** A person's click on a message's short link: SmsLinkClicked to its process if it waits (docs/campaigns.md). */
    @Bean
    @ConditionalOnMissingBean(io.smsflows.sms.link.LinkClickListener.class)
    io.smsflows.sms.link.LinkClickListener smsLinkClicks(ObjectProvider<ProcessEngine> engine,
                                                         io.smsflows.sms.outbox.SmsMessageRepository messages) {
        return new io.smsflows.camunda.link.ProcessLinkClicks(engine::getObject, messages);
    }

    @Bean
    SuppressDelegate smsSuppress(SuppressionList suppressions, Conversations conversations) {
        return new SuppressDelegate(suppressions, conversations);
    }

    @Bean
    ResubscribeDelegate smsResubscribe(SuppressionList suppressions) {
        return new ResubscribeDelegate(suppressions);
    }

    @Bean
    @ConditionalOnMissingBean(MarketingConsent.class)
    MarketingConsent smsMarketingConsentPolicy(ConsentProperties consent, ConsentRecords records) {
        if (consent.getMarketing() == ConsentProperties.MarketingMode.CRM_ASSERTED) {
            return MarketingConsent.crmAsserted();
        }
        // RECORDS: a granted consent for the journey's sender, or for every sender
        return (phone, evidence) -> ConsentRecords.allowing(records.granted(java.util.List.of(phone))
                .getOrDefault(phone, java.util.List.of()), evidence.get("sender") == null ? null
                : String.valueOf(evidence.get("sender"))) != null;
    }

    @Bean
    MarketingConsentDelegate smsMarketingConsent(MarketingConsent consent, SuppressionList suppressions) {
        return new MarketingConsentDelegate(consent, suppressions);
    }

    @Bean
    EndJourneysDelegate smsEndJourneys() {
        return new EndJourneysDelegate();
    }

    @Bean
    CrmNotifyDelegate crmNotify(CrmCallbacks callbacks) {
        return new CrmNotifyDelegate(callbacks);
    }

    @Bean
    SmsTexts smsTexts(ReplyProperties replies, SmsTemplates templates, ConsentProperties consent) {
        return new SmsTexts(replies, templates, consent);
    }

    @Bean
    RecordConsentDelegate smsRecordConsent(ConsentRecords records, SuppressionList suppressions,
                                           io.smsflows.sms.consent.RecipientGate gate) {
        return new RecordConsentDelegate(records, suppressions, gate);
    }

    @Bean
    io.smsflows.camunda.consent.OpenQuestionsDelegate smsOpenQuestions(Conversations conversations,
                                                                        @org.springframework.beans.factory.annotation.Qualifier("smsFlowsClock") java.time.Clock clock) {
        return new io.smsflows.camunda.consent.OpenQuestionsDelegate(conversations, clock);
    }
}
