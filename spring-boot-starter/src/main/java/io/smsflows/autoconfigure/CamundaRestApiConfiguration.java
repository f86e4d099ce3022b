package io.smsflows.autoconfigure;

import io.smsflows.camunda.privacy.DataSubjects;
import io.smsflows.camunda.rest.ConsentController;
import io.smsflows.camunda.rest.DataSubjectController;
import io.smsflows.sms.consent.RecipientGate;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import io.smsflows.sms.consent.ConsentProperties;
import io.smsflows.sms.consent.ConsentRecords;
import io.smsflows.camunda.journey.CrmEvents;
import io.smsflows.camunda.journey.ReminderPlanner;
import io.smsflows.camunda.rest.EngineAuthorizationAdvice;
import io.smsflows.camunda.rest.ApiKeyController;
import io.smsflows.camunda.rest.JourneyController;
import io.smsflows.camunda.security.RoleCheckedEngine;
import io.smsflows.sms.number.RecipientPolicy;
import io.smsflows.sms.security.ApiKeys;
import io.smsflows.sms.security.CallerRoles;
import io.smsflows.camunda.rest.SuppressionController;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.reply.ReplyProperties;
import java.time.Clock;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin journey API for CRMs ({@code /api/journeys}) and the suppression list API ({@code /api/suppressions}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
class CamundaRestApiConfiguration {

    @Bean
    RoleCheckedEngine smsRoleCheckedEngine(ProcessEngine engine) {
        return new RoleCheckedEngine(engine);
    }

    @Bean
    JourneyController smsJourneyController(ProcessEngine engine, RoleCheckedEngine checked,
                                           ReminderPlanner reminderPlanner, @Qualifier("smsFlowsClock") Clock clock,
                                           RecipientPolicy recipients, ConsentProperties consent,
                                           ConsentRecords consents, CallerRoles caller, SuppressionList suppressions,
                                           io.smsflows.sms.consent.RecipientGate gate) {
        JourneyController controller = new JourneyController(checked, reminderPlanner, new CrmEvents(engine), clock,
                recipients, suppressions, gate);
        if (consent.getMarketing() == ConsentProperties.MarketingMode.RECORDS) {
            controller.recordAssertedConsent(consents, caller);
        }
        return controller;
    }

    @Bean
    DataSubjectController smsDataSubjectController(DataSource dataSource, RecipientGate gate,
                                                   SuppressionList suppressions, ConsentRecords consents,
                                                   ProcessEngine engine, CallerRoles caller) {
        return new DataSubjectController(new DataSubjects(new JdbcTemplate(dataSource), Transactions.on(dataSource),
                gate, suppressions, consents, engine), caller);
    }

    @Bean
    ConsentController smsConsentController(ConsentRecords consents, SuppressionList suppressions,
                                           CallerRoles caller) {
        return new ConsentController(consents, suppressions, caller);
    }

    @Bean
    io.smsflows.camunda.rest.CampaignController smsCampaignController(RoleCheckedEngine checked,
            io.smsflows.sms.campaign.CampaignRepository campaigns, io.smsflows.sms.campaign.CampaignKpis kpis,
            io.smsflows.sms.config.EncodingPolicy encoding,
            org.springframework.beans.factory.ObjectProvider<com.fasterxml.jackson.databind.ObjectMapper> json,
            CallerRoles caller, @Qualifier("smsFlowsClock") Clock clock) {
        return new io.smsflows.camunda.rest.CampaignController(checked, campaigns, kpis, encoding,
                json.getIfAvailable(com.fasterxml.jackson.databind.ObjectMapper::new), caller, clock);
    }

    @Bean
    ApiKeyController smsApiKeyController(ApiKeys keys, RoleCheckedEngine engine, CallerRoles caller,
                                         @Qualifier("smsFlowsClock") Clock clock) {
        return new ApiKeyController(keys, engine, caller, clock);
    }

    @Bean
    EngineAuthorizationAdvice smsEngineAuthorizationAdvice() {
        return new EngineAuthorizationAdvice();
    }

    @Bean
    SuppressionController smsSuppressionController(SuppressionList suppressions, RoleCheckedEngine engine,
                                                    ReplyProperties replies, CallerRoles caller) {
        return new SuppressionController(suppressions, engine, replies, caller);
    }

    /** What happened to every SMS, for operators and the Cockpit plugin: /api/sms/messages, /api/sms/overview. */
    @Bean
    io.smsflows.camunda.rest.SmsMessagesController smsMessagesController(javax.sql.DataSource dataSource,
            RoleCheckedEngine engine, CallerRoles caller, io.smsflows.sms.batch.BatchRepository batches,
            ObjectProvider<io.smsflows.sms.smpp.SmppRoutes> smpp, io.smsflows.sms.preview.PricingProperties pricing,
            @Qualifier("smsFlowsClock") Clock clock, io.smsflows.sms.link.LinkProperties links) {
        io.smsflows.camunda.rest.SmsMessagesController controller = new io.smsflows.camunda.rest.SmsMessagesController(
                new io.smsflows.sms.outbox.MessageViews(new org.springframework.jdbc.core.JdbcTemplate(dataSource)),
                engine, caller, batches, smpp, pricing, clock);
        controller.setShortLinkBase(links.getBaseUrl());
        return controller;
    }
}
