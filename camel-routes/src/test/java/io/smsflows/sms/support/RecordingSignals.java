package io.smsflows.sms.support;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Signals that are only recorded, for tests. */
public final class RecordingSignals implements PipelineSignals {

    public final List<String> outcomes = new CopyOnWriteArrayList<>();
    public final List<String> submittedIds = new CopyOnWriteArrayList<>();
    public final AtomicInteger outboxWakes = new AtomicInteger();
    public final AtomicInteger inboundWakes = new AtomicInteger();

    @Override
    public void outcomesReady(Collection<String> messageIds) {
        outcomes.addAll(messageIds);
    }

    @Override
    public void partsSubmitted(Collection<String> smscMessageIds) {
        submittedIds.addAll(smscMessageIds);
    }

    @Override
    public void outboxReady() {
        outboxWakes.incrementAndGet();
    }

    @Override
    public void inboundReady() {
        inboundWakes.incrementAndGet();
    }
}
