package io.smsflows.camunda.config;

import io.smsflows.camunda.consent.CrmNotifyDelegate;
import io.smsflows.camunda.consent.EndJourneysDelegate;
import io.smsflows.camunda.consent.MarketingConsentDelegate;
import io.smsflows.sms.consent.MarketingConsent;
import io.smsflows.camunda.consent.ResubscribeDelegate;
import io.smsflows.camunda.consent.SmsTexts;
import io.smsflows.camunda.consent.SuppressDelegate;
import io.smsflows.camunda.correlation.ProcessOutcomeCorrelator;
import io.smsflows.camunda.journey.AppointmentReminders;
import io.smsflows.camunda.journey.ReminderPlanner;
import io.smsflows.camunda.journey.SmsTemplates;
import io.smsflows.camunda.reply.CamundaReplyListener;
import io.smsflows.camunda.rest.JourneyController;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import io.smsflows.camunda.reply.LazyReplyListener;
import io.smsflows.camunda.rest.SuppressionController;
import io.smsflows.sms.config.SmsFlowsProperties;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.crm.CrmCallbacks;
import io.smsflows.sms.reply.Conversations;
import io.smsflows.sms.reply.ReplyListener;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import io.smsflows.camunda.delegate.SmsSendDelegate;
import io.smsflows.camunda.security.RestAuthenticationProperties;
import io.smsflows.sms.config.SmsFlowsAutoConfiguration;
import io.smsflows.sms.outbox.SmsOutbox;
import io.smsflows.sms.outcome.SmsOutcomeListener;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.connect.plugin.impl.ConnectProcessEnginePlugin;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SMS for a Camunda 7 Spring Boot application: the {@code smsSend} delegate, correlation of outcomes into the
 * waiting instances, the Connect plugin, and HTTP Basic authentication on the REST APIs.
 */
@AutoConfiguration(after = SmsFlowsAutoConfiguration.class,
        beforeName = "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration")
@ConditionalOnClass(RuntimeService.class)
@EnableConfigurationProperties(RestAuthenticationProperties.class)
public class SmsFlowsCamundaAutoConfiguration {

    @Bean
    @ConditionalOnBean(SmsOutbox.class)
    public SmsSendDelegate smsSend(SmsOutbox outbox, Conversations conversations, SmsFlowsProperties properties,
                                   SmsTemplates templates) {
        return new SmsSendDelegate(outbox, conversations, properties, templates);
    }

    @Bean
    @ConditionalOnBean(SuppressionList.class)
    public SuppressDelegate smsSuppress(SuppressionList suppressions, Conversations conversations) {
        return new SuppressDelegate(suppressions, conversations);
    }

    @Bean
    @ConditionalOnBean(SuppressionList.class)
    public ResubscribeDelegate smsResubscribe(SuppressionList suppressions) {
        return new ResubscribeDelegate(suppressions);
    }

    @Bean
    @ConditionalOnMissingBean(MarketingConsent.class)
    public MarketingConsent smsMarketingConsentPolicy() {
        return MarketingConsent.crmAsserted();
    }

    @Bean
    @ConditionalOnBean(SuppressionList.class)
    public MarketingConsentDelegate smsMarketingConsent(MarketingConsent consent, SuppressionList suppressions) {
        return new MarketingConsentDelegate(consent, suppressions);
    }

    @Bean
    public EndJourneysDelegate smsEndJourneys() {
        return new EndJourneysDelegate();
    }

    @Bean
    @ConditionalOnBean(CrmCallbacks.class)
    public CrmNotifyDelegate crmNotify(CrmCallbacks callbacks) {
        return new CrmNotifyDelegate(callbacks);
    }

    @Bean
    @ConditionalOnBean(SmsOutbox.class)
    public SmsTexts smsTexts(SmsFlowsProperties properties, SmsTemplates templates) {
        return new SmsTexts(properties, templates);
    }

    @Bean
    public SmsTemplates smsTemplates(ObjectProvider<ProcessEngine> engine) {
        return new SmsTemplates(engine);
    }

    @Bean
    public ReminderPlanner reminderPlanner(SmsFlowsProperties properties, @Qualifier("smsFlowsClock") Clock clock) {
        return new ReminderPlanner(properties.getJourneys().getAppointmentReminderPlan(), clock);
    }

    @Bean
    public AppointmentReminders appointmentReminders(ReminderPlanner reminderPlanner) {
        return new AppointmentReminders(reminderPlanner);
    }

    @Bean
    @ConditionalOnMissingBean(ReplyListener.class)
    public ReplyListener smsCamundaReplyListener(ObjectProvider<ProcessEngine> engine) {
        // resolved lazily: the engine is built after our beans exist
        return new LazyReplyListener(() -> new CamundaReplyListener(engine.getObject()));
    }

    @Bean
    @ConditionalOnMissingBean(SmsOutcomeListener.class)
    public SmsOutcomeListener smsProcessOutcomeCorrelator(org.springframework.beans.factory.ObjectProvider<RuntimeService> runtimeService) {
        // resolved lazily: the engine is built after our beans exist
        return outcome -> new ProcessOutcomeCorrelator(runtimeService.getObject()).deliver(outcome);
    }

    /** Connect connectors (ours and http-connector) need the plugin; Camunda's starter does not add it. */
    @Bean
    @ConditionalOnMissingBean(ConnectProcessEnginePlugin.class)
    public ConnectProcessEnginePlugin connectProcessEnginePlugin() {
        return new ConnectProcessEnginePlugin();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    static class RestApi {

        @Bean
        public JourneyController smsJourneyController(ProcessEngine engine, ReminderPlanner reminderPlanner,
                                                      @Qualifier("smsFlowsClock") Clock clock) {
            return new JourneyController(engine, reminderPlanner, clock);
        }

        @Bean
        @ConditionalOnBean(SuppressionList.class)
        public SuppressionController smsSuppressionController(SuppressionList suppressions, ProcessEngine engine,
                                                              SmsFlowsProperties properties) {
            return new SuppressionController(suppressions, engine, properties);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(ProcessEngineAuthenticationFilter.class)
    @ConditionalOnProperty(prefix = "smsflows.security.rest", name = "enabled", matchIfMissing = true)
    static class RestAuthentication {

        @Bean
        public FilterRegistrationBean<ProcessEngineAuthenticationFilter> smsFlowsRestAuthenticationFilter(
                RestAuthenticationProperties properties) {
            FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                    new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
            registration.setName("smsflows-rest-authentication");
            registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
            registration.setUrlPatterns(properties.getUrlPatterns());
            registration.setOrder(101);
            return registration;
        }
    }
}
