package io.smsflows.sms.submit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caps per sender, in parts per second (a US long code: 1), whatever carrier or bind the messages take. A message
 * over its sender's cap does not wait on a thread: it <em>reserves</em> the sender's next free slot (Bucket4j, tokens
 * taken as a debt) and goes back to the queue until then; when it comes back it holds its slot and goes. So a backlog
 * is spread over time once, not claimed again and again. The parts of one message leave together and the sender's
 * next message waits for all of them. Counted on this node: with several nodes each keeps the cap, so divide it by
 * the nodes.
 */
public final class SenderRates {

    public static final SenderRates NONE = new SenderRates(Map.of(), Clock.systemUTC());

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Long> nanosPerPart = new ConcurrentHashMap<>();

    public SenderRates(Map<String, Double> partsPerSecond, Clock clock) {
        TimeMeter time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        partsPerSecond.forEach((sender, rate) -> {
            if (rate == null || rate <= 0) {
                throw new IllegalArgumentException("smsflows.senders.caps: the cap of '" + sender + "' must be a "
                        + "positive number of parts per second, not " + rate);
            }
            nanosPerPart.put(sender.trim(), (long) (1e9 / rate));
            buckets.put(sender.trim(), Bucket.builder().withCustomTimePrecision(time)
                    .addLimit(Bandwidth.builder().capacity(1)
                            .refillGreedy(1, Duration.ofNanos((long) (1e9 / rate))).initialTokens(1).build())
                    .build());
        });
    }

    /**
     * Reserves room for a message's parts.
     *
     * @return zero when they may go now, else how long until the reserved slot (the message goes then, without
     *         reserving again)
     */
    public Duration take(String sender, int parts) {
        Bucket bucket = sender == null ? null : buckets.get(sender);
        if (bucket == null) {
            return Duration.ZERO;
        }
        // the debt covers all parts; the message itself may go once its first part's token is there
        long untilPaid = bucket.consumeIgnoringRateLimits(Math.max(1, parts));
        long slot = untilPaid - (Math.max(1, parts) - 1L) * nanosPerPart.get(sender);
        return slot <= 0 ? Duration.ZERO : Duration.ofNanos(slot);
    }
}
