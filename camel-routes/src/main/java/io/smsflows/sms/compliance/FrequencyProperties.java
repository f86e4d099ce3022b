package io.smsflows.sms.compliance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often one number may receive marketing, {@code smsflows.frequency.*}; checked when a message would go on the
 * wire (docs/compliance.md). Transactional messages are not counted.
 */
@ConfigurationProperties(prefix = "smsflows.frequency")
public class FrequencyProperties {

    /** Most marketing messages to one number in any 24 hours; 0: no cap. Over it: not sent (CAPPED). */
    private int marketingPerDay = 4;
    /** Most marketing messages to one number in any 7 days; 0: no cap. Over it: not sent (CAPPED). */
    private int marketingPerWeek = 12;
    /** Least time between two marketing messages to one number; a message too early waits (MIN_GAP). */
    private Duration minGap = Duration.ZERO;

    public FrequencyCaps caps() {
        if (marketingPerDay < 0 || marketingPerWeek < 0 || minGap.isNegative()) {
            throw new IllegalArgumentException("smsflows.frequency: caps and gap cannot be negative");
        }
        return new FrequencyCaps(marketingPerDay, marketingPerWeek, minGap);
    }

    public int getMarketingPerDay() { return marketingPerDay; }
    public void setMarketingPerDay(int marketingPerDay) { this.marketingPerDay = marketingPerDay; }
    public int getMarketingPerWeek() { return marketingPerWeek; }
    public void setMarketingPerWeek(int marketingPerWeek) { this.marketingPerWeek = marketingPerWeek; }
    public Duration getMinGap() { return minGap; }
    public void setMinGap(Duration minGap) { this.minGap = minGap; }
}
