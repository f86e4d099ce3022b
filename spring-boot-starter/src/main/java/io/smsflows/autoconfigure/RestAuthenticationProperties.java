package io.smsflows.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** HTTP Basic authentication (against Camunda's identity service) in front of the REST APIs. */
@ConfigurationProperties(prefix = "smsflows.security.rest")
public class RestAuthenticationProperties {

    /** Require credentials on the REST APIs. On by default; switch off only behind your own gateway. */
    private boolean enabled = true;
    /** URL patterns that require authentication. */
    private List<String> urlPatterns = new ArrayList<>(List.of("/engine-rest/*", "/api/*"));

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public List<String> getUrlPatterns() { return urlPatterns; }
    public void setUrlPatterns(List<String> urlPatterns) { this.urlPatterns = urlPatterns; }
}
