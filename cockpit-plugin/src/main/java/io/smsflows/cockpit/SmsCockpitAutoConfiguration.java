package io.smsflows.cockpit;

import io.smsflows.camunda.security.SessionCallers;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** With the Camunda webapps on the classpath: our REST API reads accept the webapps' login (the plugin's calls). */
@AutoConfiguration
@ConditionalOnClass(name = "org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil")
public class SmsCockpitAutoConfiguration {

    @Bean
    SessionCallers smsCockpitSessionCallers(Environment environment) {
        // the engine's name as the webapps know it (camunda.bpm.process-engine-name, "default" unless set)
        return new CockpitSessionCallers(environment.getProperty("camunda.bpm.process-engine-name", "default"));
    }
}
