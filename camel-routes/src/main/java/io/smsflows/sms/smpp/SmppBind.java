package io.smsflows.sms.smpp;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;

/**
 * One connection to the SMSC and what limits it: its window (submit_sm awaiting their response), its rate in parts
 * per second, and its pause after throttling answers. Submits are spaced evenly at 98% of the contracted rate (a
 * Bucket4j token bucket that holds one token, so there is never a burst), and a sliding-second guard checked just
 * before each send keeps any second within the rate even when threads wake up late and bunch together.
 */
public final class SmppBind {

    /** Share of the contracted rate used, so that jitter on the way never pushes a sliding second over it. */
    static final double RATE_SHARE = 0.98;

    private final int number;
    private final Producer producer;
    private final Semaphore window;
    private final Bucket rate;
    private final SlidingSecondGuard cap;
    private final Duration pause;
    private final Duration maxPause;
    private final AtomicInteger throttledInARow = new AtomicInteger();
    private final AtomicLong pausedUntilNanos = new AtomicLong();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();

    SmppBind(int number, Producer producer, int window, double partsPerSecond, Duration pause, Duration maxPause) {
        this.number = number;
        this.producer = producer;
        this.window = new Semaphore(Math.max(1, window), true);
        this.rate = partsPerSecond <= 0 ? null : Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(1)
                        .refillGreedy(1, Duration.ofNanos((long) (1e9 / (partsPerSecond * RATE_SHARE)))).build())
                .build();
        this.cap = partsPerSecond <= 0 ? null : new SlidingSecondGuard((int) Math.floor(partsPerSecond));
        this.pause = pause;
        this.maxPause = maxPause;
    }

    public int number() {
        return number;
    }

    /** Parts this bind put on the wire (every submit_sm, resends too). */
    public long submitted() {
        return submitted.get();
    }

    /** Throttling answers this bind got. */
    public long throttled() {
        return throttled.get();
    }

    /**
     * Sends one submit_sm on this bind, within its window and rate; a throttling answer sends it again (after the
     * bind's pause) up to {@code resends} times. The exchange ends with the answer or the last failure.
     */
    void submit(Exchange exchange, int resends) throws InterruptedException {
        window.acquire();
        try {
            for (int attempt = 0; ; attempt++) {
                awaitPause();
                if (rate != null) {
                    rate.asBlocking().consume(1);
                    cap.acquire();
                }
                exchange.setException(null);
                submitted.incrementAndGet();
                try {
                    producer.process(exchange);
                } catch (Exception e) {
                    exchange.setException(e);
                }
                Exception error = exchange.getException();
                if (error == null) {
                    throttledInARow.set(0);
                    return;
                }
                if (!SmppErrors.isThrottling(error)) {
                    return;
                }
                throttled.incrementAndGet();
                pauseAfterThrottling();
                if (attempt >= resends) {
                    return;
                }
            }
        } finally {
            window.release();
        }
    }

    /** The first throttling answer in a row resends at once; more in a row pause the whole bind, doubling. */
    private void pauseAfterThrottling() {
        int inARow = throttledInARow.incrementAndGet();
        if (inARow < 2) {
            return;
        }
        long millis = Math.min(maxPause.toMillis(), pause.toMillis() << Math.min(20, inARow - 2));
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        pausedUntilNanos.accumulateAndGet(until, Math::max);
    }

    private void awaitPause() throws InterruptedException {
        long wait = pausedUntilNanos.get() - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
