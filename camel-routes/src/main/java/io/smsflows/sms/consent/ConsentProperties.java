package io.smsflows.sms.consent;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Opt-outs and the suppression list, {@code smsflows.consent.*}.
 */
@ConfigurationProperties(prefix = "smsflows.consent")
public class ConsentProperties {

    /**
     * GLOBAL: an opt-out blocks every message to the number. SENDER: it blocks messages from the sender (number,
     * short code or brand) the opt-out was sent to; code words always opt out of their own scope.
     */
    private ScopeMode scope = ScopeMode.GLOBAL;

    public ScopeMode getScope() { return scope; }
    public void setScope(ScopeMode scope) { this.scope = scope; }

    /** What an opt-out blocks. */
    public enum ScopeMode { GLOBAL, SENDER }
}
