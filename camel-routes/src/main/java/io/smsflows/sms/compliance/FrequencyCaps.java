package io.smsflows.sms.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often one number may receive marketing: at most N in any 24 hours and M in any 7 days, and a minimum gap
 * between two. Plain Java: the submit stage gives it what each number received lately (one query per chunk) and
 * asks about each message, in order; what it lets through counts for the next ones of the same chunk.
 */
public final class FrequencyCaps {

    /** What a message may do: go now, wait until a time (the gap), or not go (a cap). */
    public record Verdict(boolean capped, Instant notBefore, String reason) {
        static final Verdict GO = new Verdict(false, null, null);

        public boolean go() {
            return !capped && notBefore == null;
        }
    }

    public static final FrequencyCaps NONE = new FrequencyCaps(0, 0, Duration.ZERO);

    private final int perDay;
    private final int perWeek;
    private final Duration minGap;

    /** @param perDay 0: no daily cap; @param perWeek 0: no weekly cap; @param minGap zero: none */
    public FrequencyCaps(int perDay, int perWeek, Duration minGap) {
        this.perDay = perDay;
        this.perWeek = perWeek;
        this.minGap = minGap;
    }

    public boolean active() {
        return perDay > 0 || perWeek > 0 || !minGap.isZero();
    }

    /** How far back the history must go. */
    public Duration lookBack() {
        Duration week = perWeek > 0 ? Duration.ofDays(7) : Duration.ZERO;
        Duration day = perDay > 0 ? Duration.ofDays(1) : Duration.ZERO;
        Duration longest = week.compareTo(day) > 0 ? week : day;
        return longest.compareTo(minGap) > 0 ? longest : minGap;
    }

    /** The marketing sends of one chunk's numbers: start from what they received, add what the chunk lets through. */
    public Ledger ledger(Map<String, List<Instant>> sentByNumber) {
        return new Ledger(sentByNumber);
    }

    /** What the numbers of a chunk received, as the chunk goes on. */
    public final class Ledger {
        private final Map<String, List<Instant>> sent = new HashMap<>();

        private Ledger(Map<String, List<Instant>> history) {
            history.forEach((number, times) -> sent.put(number, new ArrayList<>(times)));
        }

        /** Checks a marketing message to {@code number} at {@code now}; if it may go, it is counted. */
        public Verdict check(String number, Instant now) {
            List<Instant> times = sent.computeIfAbsent(number, k -> new ArrayList<>());
            long lastDay = times.stream().filter(t -> t.isAfter(now.minus(Duration.ofDays(1)))).count();
            long lastWeek = times.stream().filter(t -> t.isAfter(now.minus(Duration.ofDays(7)))).count();
            if (perDay > 0 && lastDay >= perDay) {
                return new Verdict(true, null, "already " + lastDay + " marketing message(s) in 24 hours (cap "
                        + perDay + ", smsflows.frequency.marketing-per-day)");
            }
            if (perWeek > 0 && lastWeek >= perWeek) {
                return new Verdict(true, null, "already " + lastWeek + " marketing message(s) in 7 days (cap "
                        + perWeek + ", smsflows.frequency.marketing-per-week)");
            }
            Instant last = times.stream().max(Instant::compareTo).orElse(null);
            if (!minGap.isZero() && last != null && last.plus(minGap).isAfter(now)) {
                Instant next = last.plus(minGap);
                return new Verdict(false, next, "the last marketing message was at " + last + ": at least "
                        + minGap + " apart (smsflows.frequency.min-gap)");
            }
            times.add(now);
            return Verdict.GO;
        }
    }
}
