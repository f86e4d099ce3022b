package io.smsflows.sms.outbox;

import io.smsflows.sms.config.SmsFlowsProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Moves due outbox rows to the submit queue. Claims only as many rows as the submitters can take, so a backlog
 * stays in the database (visible, shared by the cluster) rather than in this node's memory.
 */
public class OutboxDispatcher {

    private final SmsMessageRepository messages;
    private final SmsFlowsProperties.Outbox config;
    private final String nodeId;
    private final int capacity;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private Consumer<String> submitQueue;

    public OutboxDispatcher(SmsMessageRepository messages, SmsFlowsProperties.Outbox config, String nodeId,
                            int capacity, Clock clock) {
        this.messages = messages;
        this.config = config;
        this.nodeId = nodeId;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Where claimed message ids go (the Camel submit route); set once the route exists. */
    public void setSubmitQueue(Consumer<String> submitQueue) {
        this.submitQueue = submitQueue;
    }

    /** One round: true if it filled its batch and more rows may be due. */
    public boolean dispatch() {
        if (submitQueue == null) {
            return false;
        }
        int free = Math.min(capacity - inFlight.get(), config.getBatchSize());
        if (free <= 0) {
            return false;
        }
        Instant now = clock.instant();
        List<String> claimed = messages.claimDue(nodeId, now, now.plus(config.getLease()), free);
        for (String id : claimed) {
            inFlight.incrementAndGet();
            try {
                submitQueue.accept(id);
            } catch (RuntimeException e) {
                inFlight.decrementAndGet(); // the lease runs out and the row is claimed again
                throw e;
            }
        }
        return claimed.size() == free && inFlight.get() < capacity;
    }

    /** Called by the submit route when a message has left this node's hands. */
    public void done() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public String nodeId() {
        return nodeId;
    }
}
