package io.smsflows.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * Registers the "SMS" plugin with Cockpit (found through {@code META-INF/services}); its script is
 * {@code plugin-webapp/sms-flows/app/plugin.js}, which Cockpit loads from
 * {@code /camunda/api/cockpit/plugin/sms-flows/static/app/plugin.js} ({@link SmsPluginRootResource}). The script reads
 * {@code /api/sms/messages} and {@code /api/sms/overview} with the operator's Cockpit login.
 */
public class SmsCockpitPlugin extends AbstractCockpitPlugin {

    public static final String ID = "sms-flows";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(SmsPluginRootResource.class);
    }
}
