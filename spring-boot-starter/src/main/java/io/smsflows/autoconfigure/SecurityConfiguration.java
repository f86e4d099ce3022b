package io.smsflows.autoconfigure;

import io.smsflows.sms.security.ApiKeys;
import io.smsflows.sms.security.CallerRoles;
import io.smsflows.sms.security.RoleProperties;
import io.smsflows.sms.support.CurrentUser;
import io.smsflows.sms.web.ApiProblems;
import java.time.Clock;
import java.util.Collection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** Who may do what on our API (roles from Camunda groups), API keys of machine clients, and our error format. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    CallerRoles smsCallerRoles(RoleProperties roles, ObjectProvider<CurrentUser> currentUser, Environment environment) {
        // the user comes from the engine's identity service, whose bean may be defined after this one
        CurrentUser user = new CurrentUser() {
            @Override
            public String id() {
                return currentUser.getIfAvailable(() -> CurrentUser.UNKNOWN).id();
            }

            @Override
            public Collection<String> groupIds() {
                return currentUser.getIfAvailable(() -> CurrentUser.UNKNOWN).groupIds();
            }
        };
        boolean enforced = environment.getProperty("smsflows.security.rest.enabled", Boolean.class, true);
        return new CallerRoles(roles.groupsByRole(), user, enforced);
    }

    @Bean
    ApiKeys smsApiKeys(JdbcTemplate jdbc, @Qualifier("smsFlowsClock") Clock clock) {
        return new ApiKeys(jdbc, clock);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    ApiProblems smsApiProblems() {
        return new ApiProblems();
    }
}
