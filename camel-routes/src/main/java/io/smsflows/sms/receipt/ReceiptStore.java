package io.smsflows.sms.receipt;

import io.smsflows.sms.support.PipelineMetrics;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.receipt.ReceiptRepository.Status;
import io.smsflows.sms.receipt.ReceiptRepository.StoredReceipt;
import io.smsflows.sms.support.TimeOrderedIds;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores delivery receipts before the SMSC gets its deliver_sm_resp, many per commit. The thread that received a
 * receipt ({@link #store}) hands it to the batching route and waits until the batch holding it is committed
 * ({@link #insert}, called by the route with the batch); only then does the SMSC hear OK. A failed commit makes every
 * waiting thread answer with an error, so the SMSC delivers those receipts again: none is lost.
 */
public class ReceiptStore {

    private volatile PipelineMetrics metrics = PipelineMetrics.NONE;

    /** A receipt waiting for its batch to be committed. */
    public record Pending(StoredReceipt receipt, CompletableFuture<Void> committed) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptStore.class);

    private final ReceiptRepository receipts;
    private final ReceiptMatcher matcher;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration timeout;
    private volatile Consumer<Pending> batcher;

    /**
     * @param timeout how long a receiving thread waits for its commit before it answers the SMSC with an error
     */
    public ReceiptStore(ReceiptRepository receipts, ReceiptMatcher matcher, TransactionTemplate transactions,
                        Clock clock, Duration timeout) {
        this.receipts = receipts;
        this.matcher = matcher;
        this.transactions = transactions;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Where receipts go to be batched (the route); without one, each receipt is stored on its own. */
    /** Where stored receipts are counted by state. */
    public void setMetrics(PipelineMetrics metrics) {
        this.metrics = metrics;
    }

    public void setBatcher(Consumer<Pending> batcher) {
        this.batcher = batcher;
    }

    /**
     * Stores one receipt and returns it as stored, once committed.
     *
     * @throws IllegalStateException if it could not be stored: the SMSC must be told to deliver it again
     */
    public StoredReceipt store(DeliveryReceipt receipt) {
        Status status = receipt.smscMessageId().isEmpty() ? Status.ORPHAN : Status.NEW;
        StoredReceipt stored = new StoredReceipt(TimeOrderedIds.next(), receipt, status, 0, clock.instant());
        if (status == Status.ORPHAN) {
            LOG.warn("Receipt {} from {} carries no message id (neither TLV nor text); stored as ORPHAN", stored.id(),
                    PhoneNumbers.mask(receipt.sourceAddr()));
        }
        Pending pending = new Pending(stored, new CompletableFuture<>());
        Consumer<Pending> target = batcher;
        try {
            if (target == null) {
                insert(List.of(pending));
            } else {
                target.accept(pending);
            }
        } catch (RuntimeException e) {
            pending.committed().completeExceptionally(e);
        }
        try {
            pending.committed().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("receipt not stored: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("receipt not stored within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing a receipt", e);
        }
        metrics.receipt(receipt.state().stat());
        return stored;
    }

    /**
     * Stores a batch in one transaction, matched and applied on the way (one insert per receipt, the parts and
     * messages moved on), and releases the waiting threads. If matching fails, the receipts are stored unmatched
     * (the sweep matches them); only if that fails too is every waiting thread told, and the error thrown.
     */
    public void insert(List<Pending> batch) {
        List<StoredReceipt> rows = batch.stream().map(Pending::receipt).toList();
        List<String> finished = List.of();
        try {
            finished = transactions.execute(tx -> matcher.storeMatched(rows));
        } catch (RuntimeException matchFailed) {
            LOG.warn("Matching {} receipt(s) on arrival failed ({}); storing them for the sweep", rows.size(),
                    matchFailed.toString());
            try {
                transactions.executeWithoutResult(tx -> receipts.insertAll(rows));
            } catch (RuntimeException e) {
                batch.forEach(p -> p.committed().completeExceptionally(e));
                throw e;
            }
        }
        batch.forEach(p -> p.committed().complete(null));
        matcher.outcomesReady(finished == null ? List.of() : finished);
    }
}
