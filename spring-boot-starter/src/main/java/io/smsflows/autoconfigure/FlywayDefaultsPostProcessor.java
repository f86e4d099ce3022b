package io.smsflows.autoconfigure;

import java.io.IOException;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Our jar brings flyway-core for our own tables (migrated by {@link io.smsflows.sms.config.SmsFlowsSchema} with its own history table).
 * Its mere presence would switch on Spring Boot's Flyway for the host application, which then fails on a schema
 * that already holds Camunda's tables. So, unless the application configures Flyway itself or ships migrations
 * in the default location, Boot's Flyway stays off. Any explicit spring.flyway.enabled wins over this default.
 */
public class FlywayDefaultsPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.flyway.enabled")
                || environment.containsProperty("spring.flyway.locations") || hasOwnMigrations()) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("smsflows-flyway-defaults",
                Map.of("spring.flyway.enabled", "false")));
    }

    private static boolean hasOwnMigrations() {
        try {
            return new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/*.sql").length > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
