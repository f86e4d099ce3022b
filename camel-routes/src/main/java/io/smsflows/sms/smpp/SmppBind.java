package io.smsflows.sms.smpp;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.SessionStateListener;

/**
 * One connection to the SMSC and what limits it: its window (submit_sm awaiting their response), its rate in parts
 * per second, and its pause after throttling answers. Submits are spaced evenly a margin under the contracted rate
 * (a Bucket4j token bucket that holds one token, so there is never a burst), and a sliding-window guard checked
 * just before each send keeps any second within the same margin even when threads wake up late and bunch up.
 */
public final class SmppBind {

    private final String carrier;
    private final int number;
    private volatile Producer producer;
    private volatile SessionState state = SessionState.CLOSED;
    private volatile Instant stateSince = Instant.now();
    private final AtomicLong submitNanos = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final Semaphore window;
    private final Bucket rate;
    private final SlidingSecondGuard cap;
    private final Duration pause;
    private final Duration maxPause;
    private final AtomicInteger throttledInARow = new AtomicInteger();
    private final AtomicLong pausedUntilNanos = new AtomicLong();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();

    /**
     * @param partsPerSecond the carrier's rate for this bind (0: none)
     * @param margin         share of the rate left unused (0.03: 97% of it, at most, in any second)
     */
    SmppBind(String carrier, int number, int window, double partsPerSecond, double margin, Duration pause,
             Duration maxPause) {
        this.carrier = carrier;
        this.number = number;
        this.window = new Semaphore(Math.max(1, window), true);
        this.rate = partsPerSecond <= 0 ? null : Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(1)
                        .refillGreedy(1, Duration.ofNanos((long) (1e9 / (partsPerSecond * (1 - margin))))).build())
                .build();
        this.cap = partsPerSecond <= 0 ? null : new SlidingSecondGuard((int) Math.floor(partsPerSecond),
                Duration.ofNanos((long) (1e9 / (1 - margin))));
        this.pause = pause;
        this.maxPause = maxPause;
    }

    /** Its number within its carrier, from 1. */
    public int number() {
        return number;
    }

    /** The carrier it connects to. */
    public String carrier() {
        return carrier;
    }

    void start(Producer producer) {
        this.producer = producer;
    }

    /** Follows the jSMPP session of this bind (camel-smpp forwards its state changes here). */
    SessionStateListener stateListener() {
        return (newState, oldState, source) -> {
            state = newState;
            stateSince = Instant.now();
        };
    }

    /** Bound (transmitter or transceiver): submits can go. */
    public boolean isBound() {
        return state.isBound();
    }

    /** The session's state (BOUND_TRX, CLOSED...) and since when. */
    public String state() {
        return state.name();
    }

    public Instant stateSince() {
        return stateSince;
    }

    /** Answered submit_sm (accepted or refused) and the total time they took on the wire, for a latency timer. */
    public long answered() {
        return answered.get();
    }

    public long answerNanos() {
        return submitNanos.get();
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
                long sent = System.nanoTime();
                try {
                    producer.process(exchange);
                } catch (Exception e) {
                    exchange.setException(e);
                }
                submitNanos.addAndGet(System.nanoTime() - sent);
                answered.incrementAndGet();
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
