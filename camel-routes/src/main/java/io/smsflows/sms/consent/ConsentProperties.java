package io.smsflows.sms.consent;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Opt-outs, the suppression list and marketing consent, {@code smsflows.consent.*}.
 */
@ConfigurationProperties(prefix = "smsflows.consent")
public class ConsentProperties {

    /**
     * GLOBAL: an opt-out blocks every message to the number. SENDER: it blocks messages from the sender (number,
     * short code or brand) the opt-out was sent to; code words always opt out of their own scope.
     */
    private ScopeMode scope = ScopeMode.GLOBAL;
    /**
     * RECORDS: a marketing message needs a granted consent record (sms_consent) when it goes on the wire. CRM_ASSERTED:
     * the caller asserts consent for what it sends (a journey's marketingConsent, every marketing batch): nothing is
     * checked at the wire. See docs/compliance.md.
     */
    private MarketingMode marketing = MarketingMode.RECORDS;
    /**
     * The name customers know the messages by, in the double opt-in's question and welcome ("ACME Shop: reply YES
     * to get our offers by SMS"). A start variable {@code programName} overrides it per request.
     */
    private String programName = "SMS Flows";

    public String getProgramName() { return programName; }
    public void setProgramName(String programName) { this.programName = programName; }

    public MarketingMode getMarketing() { return marketing; }
    public void setMarketing(MarketingMode marketing) { this.marketing = marketing; }

    /** Where marketing consent comes from. */
    public enum MarketingMode { RECORDS, CRM_ASSERTED }

    public ScopeMode getScope() { return scope; }
    public void setScope(ScopeMode scope) { this.scope = scope; }

    /** What an opt-out blocks. */
    public enum ScopeMode { GLOBAL, SENDER }
}
