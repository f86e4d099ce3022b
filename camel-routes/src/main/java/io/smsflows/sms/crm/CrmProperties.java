package io.smsflows.sms.crm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Status callbacks to the CRM, {@code smsflows.crm.*}.
 */
@ConfigurationProperties(prefix = "smsflows.crm")
public class CrmProperties {

    /**
     * Base URL of the CRM's callback API; each callback is POST {base-url}/{event} with a JSON body. Empty: the
     * built-in CRM stub of a web application receives them (demo only).
     */
    private String baseUrl;
    /** HTTP Basic user for callbacks, if the CRM wants one. */
    private String username;
    /** HTTP Basic password (set through the environment, e.g. SMSFLOWS_CRM_PASSWORD). */
    private String password;
    /** Connect and response timeout of one callback; a slow CRM fails the job, which is retried. */
    private Duration timeout = Duration.ofSeconds(10);

    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
}
