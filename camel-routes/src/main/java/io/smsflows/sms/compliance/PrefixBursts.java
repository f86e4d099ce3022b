package io.smsflows.sms.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Protection against SMS pumping (fraudsters make a sign-up form send codes to ranges whose termination fees they
 * share): at most N messages per number range (the first digits of the number) in any minute. Above it, messages to
 * that range wait a minute and the range is reported. Counted in memory on this node, cheap on the hot path. Plain
 * Java.
 */
public final class PrefixBursts {

    /** No limit. */
    public static final PrefixBursts NONE = new PrefixBursts(0, 0);

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int digits;
    private final int perMinute;
    private final Map<String, Deque<Instant>> sent = new ConcurrentHashMap<>();

    /**
     * @param digits    length of a range, '+' and country code included (e.g. 8: "+3361234")
     * @param perMinute most messages to one range in any minute; 0: no limit
     */
    public PrefixBursts(int digits, int perMinute) {
        this.digits = digits;
        this.perMinute = perMinute;
    }

    public boolean active() {
        return perMinute > 0;
    }

    /** The range of a number. */
    public String range(String e164) {
        return e164.length() <= digits ? e164 : e164.substring(0, digits);
    }

    /**
     * Counts a message to {@code e164} at {@code now} if its range has room.
     *
     * @return null when it may go (and it is counted), else when to try again
     */
    public Instant admit(String e164, Instant now) {
        if (!active()) {
            return null;
        }
        Deque<Instant> times = sent.computeIfAbsent(range(e164), k -> new ArrayDeque<>());
        synchronized (times) {
            Instant since = now.minus(WINDOW);
            while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                return times.peekFirst().plus(WINDOW);
            }
            times.addLast(now);
            return null;
        }
    }
}
