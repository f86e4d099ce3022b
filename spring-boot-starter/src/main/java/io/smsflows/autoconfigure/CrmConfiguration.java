package io.smsflows.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsflows.sms.crm.CrmCallbacks;
import io.smsflows.sms.crm.CrmProperties;
import io.smsflows.sms.crm.CrmRoutes;
import io.smsflows.sms.crm.CrmSegments;
import io.smsflows.sms.crm.CrmStubController;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Status callbacks to the CRM through camel-http; without {@code smsflows.crm.base-url}, a servlet application gets
 * the CRM stub at {@code /api/crm-stub} (demo and tests).
 */
@Configuration(proxyBeanMethods = false)
class CrmConfiguration {

    @Bean
    CrmRoutes smsCrmRoutes(CrmProperties config) {
        return new CrmRoutes(config.getTimeout().toMillis());
    }

    @Bean
    CrmCallbacks smsCrmCallbacks(CamelContext camelContext, CrmProperties config, Environment environment) {
        return new CrmCallbacks(camelContext.createProducerTemplate(), config, () -> stubBaseUrl(environment));
    }

    @Bean
    CrmSegments smsCrmSegments(CamelContext camelContext, CrmProperties config, ObjectProvider<ObjectMapper> json,
                               Environment environment) {
        CrmSegments segments = new CrmSegments(camelContext.createProducerTemplate(), config,
                json.getIfAvailable(ObjectMapper::new));
        segments.setStubBaseUrl(() -> stubBaseUrl(environment));
        return segments;
    }

    /** The built-in CRM stub of this web application, or null (not a web app, or the stub switched off). */
    private static String stubBaseUrl(Environment environment) {
        String port = environment.getProperty("local.server.port");
        if (port == null || !environment.getProperty("smsflows.crm.stub.enabled", Boolean.class, true)) {
            return null;
        }
        return "http://localhost:" + port + environment.getProperty("server.servlet.context-path", "")
                + "/api/crm-stub";
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    // only without a CRM (havingValue = "" would match any value that is not "false": the stub beside a real CRM)
    @ConditionalOnExpression("'${smsflows.crm.base-url:}'.isBlank() and '${smsflows.crm.stub.enabled:true}' == 'true'")
    CrmStubController smsCrmStubController(Environment environment) {
        // its made-up segments only while messages go to the simulator: never real SMS to made-up numbers
        boolean simulatorOnly = environment.getProperty("smsflows.smpp.host", "").isBlank()
                && !org.springframework.boot.context.properties.bind.Binder.get(environment).bind("smsflows.carriers",
                        org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class, Object.class))
                .isBound();
        return new CrmStubController(simulatorOnly);
    }
}
