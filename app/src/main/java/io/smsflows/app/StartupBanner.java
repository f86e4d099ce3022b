package io.smsflows.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who just started the app where to click and how to log in. */
@Component
class StartupBanner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    private final Environment env;

    StartupBanner(Environment env) {
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        String admin = env.getProperty("camunda.bpm.admin-user.id");
        String base = "http://localhost:" + port;
        LOG.info("""

                SMS Flows is up.
                  Cockpit / Tasklist : {}/camunda/app/  {}
                  REST API           : {}/engine-rest and /api  (HTTP Basic or X-API-Key; roles: docs/security.md)
                  Simulator replies  : POST {}/api/simulator/mo {"from":"+4915112345678","to":"SMSFlows","text":"YES"}""",
                base, admin == null ? "(no demo user: create users in Admin)" : "login " + admin + " / "
                        + (admin.equals("demo") ? "demo (also operator/operator, crm/crm)" : "<your password>"), base, base);
    }
}
