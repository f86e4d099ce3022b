package io.smsflows.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Our REST APIs' front door, {@code smsflows.security.rest.*}: authentication (HTTP Basic against Camunda's
 * identity service, or an API key), role checks on our endpoints, and request size limits.
 */
@ConfigurationProperties(prefix = "smsflows.security.rest")
public class RestSecurityProperties {

    /**
     * Require credentials on the REST APIs and check our roles. On by default; switch off only behind your own
     * gateway that authenticates and authorizes (every caller then holds every role).
     */
    private boolean enabled = true;
    /** URL patterns that require authentication (Camunda's REST API and ours). */
    private List<String> urlPatterns = new ArrayList<>(List.of("/engine-rest/*", "/api/*"));
    /** Largest request body on our API (/api/*), except uploads. */
    private DataSize maxBodySize = DataSize.ofMegabytes(1);
    /** Largest upload (a batch's recipients as JSON, NDJSON or CSV). About 60 bytes per NDJSON recipient. */
    private DataSize maxUploadSize = DataSize.ofMegabytes(256);
    /** Paths (prefixes) that take uploads. */
    private List<String> uploadPaths = new ArrayList<>(List.of("/api/sms/batches"));

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public List<String> getUrlPatterns() { return urlPatterns; }
    public void setUrlPatterns(List<String> urlPatterns) { this.urlPatterns = urlPatterns; }
    public DataSize getMaxBodySize() { return maxBodySize; }
    public void setMaxBodySize(DataSize maxBodySize) { this.maxBodySize = maxBodySize; }
    public DataSize getMaxUploadSize() { return maxUploadSize; }
    public void setMaxUploadSize(DataSize maxUploadSize) { this.maxUploadSize = maxUploadSize; }
    public List<String> getUploadPaths() { return uploadPaths; }
    public void setUploadPaths(List<String> uploadPaths) { this.uploadPaths = uploadPaths; }
}
