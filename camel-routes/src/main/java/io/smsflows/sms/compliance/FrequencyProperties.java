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

    /** The alert on a journey's answer rate (AnswerRates). */
    private final AnswerRate answerRate = new AnswerRate();

    public AnswerRate getAnswerRate() { return answerRate; }

    /**
     * {@code smsflows.frequency.answer-rate.*}: a warning and {@code smsflows.journey.answer-rate.drops{journey}} when
     * the share of a journey's questions answered within {@code answer-within} falls below {@code (1 - drop)} times
     * its share over the {@code baseline} before.
     */
    public static class AnswerRate {
        /** Checks at all. */
        private boolean enabled = true;
        /** How often the rates are checked. */
        private Duration checkInterval = Duration.ofMinutes(1);
        /** A question counts as answered if its answer came within this time (most YES come in minutes). */
        private Duration answerWithin = Duration.ofMinutes(15);
        /** The recent period compared. */
        private Duration window = Duration.ofHours(1);
        /** The period before it that the journey is compared with. */
        private Duration baseline = Duration.ofDays(7);
        /** Fewer questions than this in either period: no verdict. */
        private int minQuestions = 30;
        /** Relative fall that alerts: 0.5 = answered less than half as often as in the baseline. */
        private double drop = 0.5;
        /** Longest a question waits in the queue before it goes on the wire (bounds the scan). */
        private Duration queuedUpTo = Duration.ofDays(3);

        public AnswerRates rates(org.springframework.jdbc.core.JdbcTemplate jdbc, java.time.Clock clock) {
            for (Duration d : new Duration[] {checkInterval, answerWithin, window, baseline}) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("smsflows.frequency.answer-rate: check-interval, answer-within, "
                            + "window and baseline must be positive durations");
                }
            }
            if (drop <= 0 || drop >= 1 || minQuestions < 1) {
                throw new IllegalArgumentException("smsflows.frequency.answer-rate: drop must be between 0 and 1 "
                        + "(0.5 = half the baseline's rate) and min-questions at least 1");
            }
            return new AnswerRates(jdbc, this, clock);
        }

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public Duration getCheckInterval() { return checkInterval; }
        public void setCheckInterval(Duration checkInterval) { this.checkInterval = checkInterval; }
        public Duration getAnswerWithin() { return answerWithin; }
        public void setAnswerWithin(Duration answerWithin) { this.answerWithin = answerWithin; }
        public Duration getWindow() { return window; }
        public void setWindow(Duration window) { this.window = window; }
        public Duration getBaseline() { return baseline; }
        public void setBaseline(Duration baseline) { this.baseline = baseline; }
        public int getMinQuestions() { return minQuestions; }
        public void setMinQuestions(int minQuestions) { this.minQuestions = minQuestions; }
        public double getDrop() { return drop; }
        public Duration getQueuedUpTo() { return queuedUpTo; }
        public void setQueuedUpTo(Duration queuedUpTo) { this.queuedUpTo = queuedUpTo; }
        public void setDrop(double drop) { this.drop = drop; }
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
