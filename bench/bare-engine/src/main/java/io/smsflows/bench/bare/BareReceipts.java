package io.smsflows.bench.bare;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Simulated delivery receipts: every 20 ms, correlates SmsDelivered into each instance whose outbox row is due,
 * one correlation per transaction (as the app's ProcessOutcomeCorrelator does for a single receipt), on
 * {@code bare.receipt-threads} threads.
 */
@Component
public class BareReceipts {

    private static final Logger LOG = LoggerFactory.getLogger(BareReceipts.class);
    private static final int BATCH = 500;

    private enum Result { DONE, RETRY }

    private final BareOutbox outbox;
    private final RuntimeService runtime;
    private final ExecutorService threads;
    private final AtomicLong correlated = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();

    public BareReceipts(BareOutbox outbox, RuntimeService runtime,
                        @Value("${bare.receipt-threads:4}") int receiptThreads) {
        this.outbox = outbox;
        this.runtime = runtime;
        this.threads = Executors.newFixedThreadPool(receiptThreads, r -> new Thread(r, "bare-receipt"));
    }

    /** Waits for the whole batch before the next poll, so a row is never correlated twice at the same time. */
    @Scheduled(fixedDelay = 20)
    void poll() {
        List<BareOutbox.Due> due = outbox.due(Instant.now(), BATCH);
        if (due.isEmpty()) {
            return;
        }
        List<CompletableFuture<Result>> results = due.stream()
                .map(d -> CompletableFuture.supplyAsync(() -> correlate(d), threads)).toList();
        List<String> done = new ArrayList<>();
        List<String> retry = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            (results.get(i).join() == Result.DONE ? done : retry).add(due.get(i).id());
        }
        outbox.markDone(done);
        if (!retry.isEmpty()) {
            retried.addAndGet(retry.size());
            outbox.postpone(retry, Instant.now().plusSeconds(1));
        }
    }

    private Result correlate(BareOutbox.Due due) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("smsMessageId", due.id());
        variables.put("smsStatus", "DELIVERED");
        variables.put("smsErrorCode", null);
        variables.put("smsErrorText", null);
        variables.put("smsParts", 1);
        variables.put("smsSubmittedAt", Date.from(due.dueAt().minus(outbox.receiptDelay())));
        variables.put("smsDoneAt", new Date());
        try {
            runtime.createMessageCorrelation("SmsDelivered")
                    .processInstanceId(due.processInstanceId())
                    .setVariables(variables)
                    .correlateWithResult();
            correlated.incrementAndGet();
            return Result.DONE;
        } catch (OptimisticLockingException e) {
            return Result.RETRY; // the instance changed concurrently (e.g. its timer fired): look again
        } catch (MismatchingMessageCorrelationException e) {
            // not waiting (yet): retry while the instance exists; an ended one needs no receipt
            boolean exists = runtime.createProcessInstanceQuery().processInstanceId(due.processInstanceId()).count() > 0;
            return exists ? Result.RETRY : Result.DONE;
        } catch (RuntimeException e) {
            LOG.warn("Receipt for {} failed, retrying later: {}", due.processInstanceId(), e.toString());
            return Result.RETRY;
        }
    }

    public long correlated() {
        return correlated.get();
    }

    public long retried() {
        return retried.get();
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
