package io.smsflows.autoconfigure;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * HTTP Basic authentication against Camunda's identity service in front of {@code /engine-rest/*} and {@code /api/*}
 * ({@code smsflows.security.rest.*}); Camunda's REST starter has none by default.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ProcessEngineAuthenticationFilter.class)
@ConditionalOnProperty(prefix = "smsflows.security.rest", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(RestAuthenticationProperties.class)
public class SmsRestSecurityAutoConfiguration {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> smsFlowsRestAuthenticationFilter(
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
