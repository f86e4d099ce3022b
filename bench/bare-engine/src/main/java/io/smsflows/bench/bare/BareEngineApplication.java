package io.smsflows.bench.bare;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The send-and-track process shape on the bare Camunda engine, without any SMS work: a baseline for the app's
 * per-instance throughput on the same machine (see README.md).
 */
@SpringBootApplication
@EnableScheduling
public class BareEngineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareEngineApplication.class, args);
    }

    /** HTTP Basic on /engine-rest exactly as the app registers it, so REST starts cost the same. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("bare-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(101);
        return registration;
    }
}
