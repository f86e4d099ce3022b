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
    /**
     * Against SMS pumping: most messages (any category but opt-out confirmations) to one number range in any minute;
     * 0: no limit. Above it, messages to the range wait (PREFIX_BURST) and the range is logged and counted.
     */
    private int rangePerMinute = 0;
    /** Length of a number range, '+' and country code included ("+3361234": 8). */
    private int rangeDigits = 8;

    public PrefixBursts bursts() {
        if (rangePerMinute < 0 || rangeDigits < 3) {
            throw new IllegalArgumentException("smsflows.frequency.range-per-minute must be >= 0 and range-digits >= 3");
        }
        return new PrefixBursts(rangeDigits, rangePerMinute);
    }

    public int getRangePerMinute() { return rangePerMinute; }
    public void setRangePerMinute(int rangePerMinute) { this.rangePerMinute = rangePerMinute; }
    public int getRangeDigits() { return rangeDigits; }
    public void setRangeDigits(int rangeDigits) { this.rangeDigits = rangeDigits; }

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
