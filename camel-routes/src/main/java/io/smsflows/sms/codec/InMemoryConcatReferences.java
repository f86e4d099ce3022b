package io.smsflows.sms.codec;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * References counted per destination in this JVM: for tests, benchmarks and single-node use without a database.
 * The pipeline uses the database-backed counter (sms_recipient_lock), which holds across a cluster and restarts.
 */
public class InMemoryConcatReferences implements ConcatReferences {

    private final ConcurrentMap<String, AtomicInteger> counters = new ConcurrentHashMap<>();

    @Override
    public int next(String destination) {
        return counters.computeIfAbsent(destination, d -> new AtomicInteger()).getAndIncrement() & 0xFFFF;
    }
}
