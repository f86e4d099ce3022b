package io.smsflows.sms.smpp;

import java.util.concurrent.TimeUnit;

/**
 * At most {@code n} sends in any sliding window of one second (plus the rate's margin), checked at the moment of
 * sending: a thread that woke up late from the rate's pacing (a busy CPU, a GC pause) waits here instead of
 * bunching up with the others, so a carrier that counts submit_sm per sliding second never sees more than its cap.
 */
final class SlidingSecondGuard {

    private final long windowNanos;
    private final long[] sentAt;
    private int next;

    /** At most {@code n} sends in any {@code window} (a second plus the rate's margin). */
    SlidingSecondGuard(int n, java.time.Duration window) {
        this.windowNanos = window.toNanos();
        this.sentAt = new long[Math.max(1, n)];
        java.util.Arrays.fill(sentAt, Long.MIN_VALUE / 2);
    }

    /** Waits until one more send keeps every sliding second within the cap, and counts it. */
    synchronized void acquire() throws InterruptedException {
        long oldest = sentAt[next];
        long wait = oldest + windowNanos - System.nanoTime();
        while (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
            wait = oldest + windowNanos - System.nanoTime();
        }
        sentAt[next] = System.nanoTime();
        next = (next + 1) % sentAt.length;
    }
}
