package io.smsflows.autoconfigure;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsflows.camunda.security.SmsRestAuthenticationFilter;
import io.smsflows.sms.security.ApiKeys;
import io.smsflows.sms.security.CallerRoles;
import io.smsflows.sms.security.RoleCheckInterceptor;
import io.smsflows.sms.web.RequestSizeLimitFilter;
import io.smsflows.sms.web.StrictJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The front door of the REST APIs ({@code smsflows.security.rest.*}): request size limits on /api/*; then, unless
 * switched off, authentication as a Camunda user (HTTP Basic or API key) in front of {@code /engine-rest/*} and
 * {@code /api/*} (Camunda's REST starter has none by default) and the role check of our endpoints.
 */
@AutoConfiguration(after = {SmsPipelineAutoConfiguration.class, SmsCamundaAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnBean(CallerRoles.class)
@EnableConfigurationProperties(RestSecurityProperties.class)
public class SmsRestSecurityAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> smsFlowsRequestSizeLimitFilter(RestSecurityProperties properties) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(properties.getMaxBodySize().toBytes(),
                        properties.getMaxUploadSize().toBytes(), properties.getUploadPaths()));
        registration.setName("smsflows-request-size-limit");
        registration.setUrlPatterns(List.of("/api/*"));
        registration.setOrder(100); // before authentication: an oversized request is refused before any lookup
        return registration;
    }

    /** Unknown fields refused on our request types ({@link StrictJson}), not on the host application's. */
    @Bean
    WebMvcConfigurer smsFlowsStrictJson(ObjectProvider<ObjectMapper> mapper) {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                ObjectMapper strict = mapper.getIfAvailable(ObjectMapper::new).copy()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
                for (HttpMessageConverter<?> converter : converters) {
                    if (converter instanceof MappingJackson2HttpMessageConverter jackson) {
                        jackson.registerObjectMappersForType(StrictJson.class,
                                byType -> byType.put(MediaType.APPLICATION_JSON, strict));
                    }
                }
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(IdentityService.class)
    @ConditionalOnProperty(prefix = "smsflows.security.rest", name = "enabled", matchIfMissing = true)
    static class Authentication {

        @Bean
        FilterRegistrationBean<OncePerRequestFilter> smsFlowsRestAuthenticationFilter(
                RestSecurityProperties properties, ObjectProvider<IdentityService> identity,
                ObjectProvider<ApiKeys> apiKeys,
                ObjectProvider<io.smsflows.camunda.security.SessionCallers> sessions) {
            // the engine and our tables are looked up at the first request: filters are built before the engine
            OncePerRequestFilter lazy = new OncePerRequestFilter() {
                private volatile SmsRestAuthenticationFilter filter;

                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                FilterChain chain) throws ServletException, IOException {
                    if (filter == null) {
                        filter = new SmsRestAuthenticationFilter(identity.getObject(), apiKeys.getObject(),
                                sessions.getIfAvailable());
                    }
                    filter.doFilter(request, response, chain);
                }
            };
            FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(lazy);
            registration.setName("smsflows-rest-authentication");
            registration.setUrlPatterns(properties.getUrlPatterns());
            registration.setOrder(101);
            return registration;
        }

        @Bean
        WebMvcConfigurer smsFlowsRoleCheck(CallerRoles roles) {
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(new RoleCheckInterceptor(roles));
                }
            };
        }
    }
}
