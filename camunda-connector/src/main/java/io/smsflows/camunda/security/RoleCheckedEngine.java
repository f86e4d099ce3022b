package io.smsflows.camunda.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Engine work of our endpoints, after their role check ({@code @AllowedRoles}): it runs without the engine's
 * authorization checks, with the caller still authenticated (the user operation log names them). The role is the
 * permission: a CRM client may send a journey event through our API, which validates it, but holds no engine
 * permission to correlate messages through /engine-rest.
 */
public class RoleCheckedEngine {

    private final ProcessEngine engine;

    public RoleCheckedEngine(ProcessEngine engine) {
        this.engine = engine;
    }

    public <T> T call(Supplier<T> work) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // nested engine calls reuse this command context, and with it the switched-off authorization check
        return configuration.getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(work::get));
    }

    public ProcessEngine engine() {
        return engine;
    }
}
