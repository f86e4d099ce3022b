package io.smsflows.sms.support;

import java.time.Duration;

/** Retry delays. */
public final class Clocks {

    private Clocks() {
    }

    /** initial * 2^(attempt-1), capped at max. */
    public static Duration backoff(int attempt, Duration initial, Duration max) {
        long factor = 1L << Math.min(Math.max(attempt - 1, 0), 20);
        Duration d = initial.multipliedBy(factor);
        return d.compareTo(max) > 0 ? max : d;
    }
}
