package io.smsflows.sms.outbox;

import io.smsflows.sms.submit.ClaimedSms;
import io.smsflows.sms.support.PipelineSignals;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The claim stage: takes due messages from the outbox for this node, a batch per transaction, and cuts them into
 * chunks for the submitters. It claims only what the submitters can take soon, so a backlog (a million queued
 * messages) stays in the database, shared by the cluster, not on this node's heap.
 */
public class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final SmsMessageRepository messages;
    private final OutboxProperties config;
    private final TransactionTemplate transactions;
    private final String nodeId;
    private final Clock clock;
    private final int capacity;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean starved = new AtomicBoolean();
    private final PipelineSignals signals;

    public OutboxDispatcher(SmsMessageRepository messages, OutboxProperties config, TransactionTemplate transactions,
                            String nodeId, PipelineSignals signals, Clock clock) {
        this.signals = signals;
        this.messages = messages;
        this.config = config;
        this.transactions = transactions;
        this.nodeId = nodeId;
        this.clock = clock;
        // two chunks per submitter: one on the wire, one ready, so the window never waits for a claim
        this.capacity = Math.max(config.getChunkSize() * config.getSubmitters() * 2, config.getChunkSize());
    }

    /** What one round claimed, cut into chunks; {@code more}: the round was full, more may be due at once. */
    public record Round(List<List<ClaimedSms>> chunks, boolean more) {
    }

    /** One claim round; one at a time on this node (rounds in parallel would only compete for the same rows). */
    public synchronized Round claim() {
        int free = Math.min(capacity - inFlight.get(), config.getBatchSize());
        if (free <= 0) {
            starved.set(true);
            return new Round(List.of(), false);
        }
        Instant now = clock.instant();
        List<ClaimedSms> claimed = transactions.execute(tx ->
                messages.claimDue(nodeId, now, now.plus(config.getLease()), free));
        if (claimed == null || claimed.isEmpty()) {
            return new Round(List.of(), false);
        }
        inFlight.addAndGet(claimed.size());
        List<List<ClaimedSms>> chunks = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i += config.getChunkSize()) {
            chunks.add(List.copyOf(claimed.subList(i, Math.min(claimed.size(), i + config.getChunkSize()))));
        }
        return new Round(chunks, claimed.size() == free && inFlight.get() < capacity);
    }

    /** A chunk has left this node's hands; wakes the claim if it had stopped for lack of capacity. */
    public void done(int count) {
        inFlight.addAndGet(-count);
        if (starved.compareAndSet(true, false)) {
            signals.outboxReady();
        }
    }

    /** Takes back messages of nodes whose lease ran out. */
    public int recoverLeases() {
        int recovered = messages.recoverExpiredLeases(clock.instant());
        if (recovered > 0) {
            LOG.warn("{} SMS taken back from nodes whose lease ran out; parts without an SMSC id are sent again "
                    + "(counted as possible duplicates)", recovered);
            signals.outboxReady();
        }
        return recovered;
    }

    public int inFlight() {
        return inFlight.get();
    }

    public String nodeId() {
        return nodeId;
    }
}
