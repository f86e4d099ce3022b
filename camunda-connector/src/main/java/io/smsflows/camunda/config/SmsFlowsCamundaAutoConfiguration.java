package io.smsflows.camunda.config;

import io.smsflows.camunda.correlation.ProcessOutcomeCorrelator;
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
    public SmsSendDelegate smsSend(SmsOutbox outbox) {
        return new SmsSendDelegate(outbox);
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
