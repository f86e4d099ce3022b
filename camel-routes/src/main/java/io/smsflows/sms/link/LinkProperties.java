package io.smsflows.sms.link;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Short links with click tracking, {@code smsflows.links.*} (docs/campaigns.md). */
@ConfigurationProperties(prefix = "smsflows.links")
public class LinkProperties {

    /**
     * Where the short links point: scheme and host (and port) of this application as customers reach it, e.g.
     * {@code https://s.shop.example}. Its length counts in every SMS: keep it short.
     */
    private String baseUrl = "http://localhost:8080";
    /** Characters of a code (62 possibilities each: 7 give 3.5 x 10^12 codes, not guessable). */
    private int codeLength = 7;
    /** How long a link redirects; afterwards it answers 404. */
    private Duration validFor = Duration.ofDays(90);

    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public int getCodeLength() { return codeLength; }
    public void setCodeLength(int codeLength) { this.codeLength = codeLength; }
    public Duration getValidFor() { return validFor; }
    public void setValidFor(Duration validFor) { this.validFor = validFor; }
}
