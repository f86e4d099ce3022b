package io.smsflows.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The {@code prod} profile refuses to start on a configuration that only suits the demo: it names every problem at
 * once, before a database, an SMSC or a CRM is contacted. Runs after the configuration files are read.
 */
public class ProductionChecks implements EnvironmentPostProcessor, Ordered {

    static final String PROFILE = "prod";
    private static final int MIN_ADMIN_PASSWORD = 12;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!List.of(env.getActiveProfiles()).contains(PROFILE)) {
            return;
        }
        List<String> problems = problems(env);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The prod profile cannot start with this configuration:\n- "
                    + String.join("\n- ", problems) + "\n(docs/configuration.md lists every property; the demo "
                    + "profile runs without them.)");
        }
    }

    static List<String> problems(ConfigurableEnvironment env) {
        List<String> problems = new ArrayList<>();
        String url = env.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            problems.add("spring.datasource.url (SPRING_DATASOURCE_URL) must be a PostgreSQL URL, e.g. "
                    + "jdbc:postgresql://db:5432/smsflows; it is '" + url.replaceAll("[?;].*", "") // no password
                    + "' (H2 is the embedded default for "
                    + "one node and the demo)");
        }
        if (blank(env.getProperty("smsflows.smpp.host"))) {
            problems.add("smsflows.smpp.host (SMSFLOWS_SMPP_HOST) must name your SMSC: prod never starts the "
                    + "simulator");
        }
        if (blank(env.getProperty("smsflows.crm.base-url"))) {
            problems.add("smsflows.crm.base-url (SMSFLOWS_CRM_BASE_URL) must be your CRM's callback API: prod "
                    + "never sends callbacks to the built-in CRM stub");
        }
        if (blank(env.getProperty("smsflows.crm.username")) || blank(env.getProperty("smsflows.crm.password"))) {
            problems.add("smsflows.crm.username and smsflows.crm.password (SMSFLOWS_CRM_USERNAME, "
                    + "SMSFLOWS_CRM_PASSWORD) must be set: the CRM's callback API takes HTTP Basic");
        }
        String admin = env.getProperty("camunda.bpm.admin-user.id");
        if (!blank(admin)) {
            String password = env.getProperty("camunda.bpm.admin-user.password", "");
            if (password.length() < MIN_ADMIN_PASSWORD || password.toLowerCase(Locale.ROOT).contains(
                    admin.toLowerCase(Locale.ROOT)) || password.equalsIgnoreCase("demo")) {
                problems.add("camunda.bpm.admin-user.password must have " + MIN_ADMIN_PASSWORD + "+ characters and "
                        + "not contain the user id '" + admin + "' (or leave camunda.bpm.admin-user unset and "
                        + "create users in Camunda Admin)");
            }
        }
        return problems;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the config data (application-prod.yaml) is in the environment
    }
}
