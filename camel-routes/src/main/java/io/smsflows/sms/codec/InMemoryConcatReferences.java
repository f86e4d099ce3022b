package io.smsflows.sms.codec;

import java.util.concurrent.atomic.AtomicInteger;

/** Interim: one counter (replaced by per-destination references in the full codec). */
public class InMemoryConcatReferences implements ConcatReferences {

    private final AtomicInteger counter = new AtomicInteger((int) (System.nanoTime() & 0xFFFF));

    @Override
    public int next(String destination) {
        return counter.incrementAndGet() & 0xFFFF;
    }
}
