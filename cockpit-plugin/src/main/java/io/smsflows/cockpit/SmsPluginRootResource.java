package io.smsflows.cockpit;

import jakarta.ws.rs.Path;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** Serves the plugin's script ({@code /camunda/api/cockpit/plugin/sms-flows/static/app/plugin.js}). */
@Path("plugin/" + SmsCockpitPlugin.ID)
public class SmsPluginRootResource extends AbstractCockpitPluginRootResource {

    public SmsPluginRootResource() {
        super(SmsCockpitPlugin.ID);
    }
}
