package io.smsflows.sms.receipt;

import io.smsflows.sms.batch.BatchCounters;
import io.smsflows.sms.batch.BatchRepository;
import io.smsflows.sms.outbox.MessageStatus;
import io.smsflows.sms.outbox.PartStatus;
import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.outbox.SmsMessageRepository.Finished;
import io.smsflows.sms.outbox.SmsMessageRepository.PartDone;
import io.smsflows.sms.outbox.SmsMessageRepository.PartState;
import io.smsflows.sms.outbox.SmsPart;
import io.smsflows.sms.receipt.ReceiptRepository.Outcome;
import io.smsflows.sms.receipt.ReceiptRepository.Status;
import io.smsflows.sms.receipt.ReceiptRepository.StoredReceipt;
import io.smsflows.sms.support.PipelineSignals;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Matches stored receipts to their parts and applies them, a batch per transaction: one query finds the parts of
 * every receipt (each id in all its plausible readings), one batch updates the parts, one query reads the state of
 * the messages they belong to, and batches finish those messages and the receipts. A message is delivered when every
 * part is, failed as soon as one part failed. A receipt whose part has no id yet (it came before submit_sm_resp, or
 * before the id was committed) stays UNMATCHED and is matched again when the id is recorded and by the sweep, until
 * the match window closes; then it is kept as ORPHAN.
 */
public class ReceiptMatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptMatcher.class);
    private static final int SWEEP = 500;

    private final ReceiptRepository receipts;
    private final SmsMessageRepository messages;
    private final BatchRepository batches;
    private final ReceiptProperties config;
    private final TransactionTemplate transactions;
    private final PipelineSignals signals;
    private final Clock clock;
    private volatile Instant lastExpirySweep = Instant.EPOCH;

    public ReceiptMatcher(ReceiptRepository receipts, SmsMessageRepository messages, BatchRepository batches,
                          ReceiptProperties config, TransactionTemplate transactions, PipelineSignals signals,
                          Clock clock) {
        this.receipts = receipts;
        this.messages = messages;
        this.batches = batches;
        this.config = config;
        this.transactions = transactions;
        this.signals = signals;
        this.clock = clock;
    }

    /** Matches and applies a batch of stored receipts. Safe to call from several threads and nodes. */
    public void match(List<StoredReceipt> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<String> outcomes = transactions.execute(tx -> apply(batch, true));
        if (outcomes != null && !outcomes.isEmpty()) {
            signals.outcomesReady(outcomes);
        }
    }

    /**
     * Stores new receipts already matched, in the caller's transaction: one insert per receipt with what matching
     * decided, instead of an insert now and an update later. Returns the finished messages a process waits for
     * (to signal after the commit).
     */
    List<String> storeMatched(List<StoredReceipt> batch) {
        return apply(batch, false);
    }

    void outcomesReady(List<String> messageIds) {
        if (!messageIds.isEmpty()) {
            signals.outcomesReady(messageIds);
        }
    }

    /** Parts got ids: matches the receipts that were waiting for them. */
    public void partsSubmitted(Collection<String> smscIds) {
        Set<String> candidates = new HashSet<>();
        smscIds.forEach(id -> candidates.addAll(SmscMessageIds.candidates(id)));
        if (!candidates.isEmpty()) {
            match(receipts.waitingFor(candidates));
        }
    }

    /** One sweep: receipts due for (re)matching, then messages whose receipts are overdue. True if more is due. */
    public boolean sweep() {
        Instant now = clock.instant();
        List<StoredReceipt> due = receipts.due(now, SWEEP);
        match(due);
        if (lastExpirySweep.isBefore(now.minusSeconds(60))) {
            lastExpirySweep = now;
            Map<String, String> overdue = messages.overdue(now.minus(config.getTimeout()), SWEEP);
            if (!overdue.isEmpty()) {
                List<String> expired = transactions.execute(tx -> {
                    List<String> changed = messages.finish(overdue.keySet().stream()
                            .map(id -> new Finished(id, MessageStatus.EXPIRED, "NO_RECEIPT",
                                    "no final receipt for every part within " + config.getTimeout())).toList(), now);
                    BatchCounters counters = new BatchCounters();
                    changed.forEach(id -> counters.moved(overdue.get(id), MessageStatus.SUBMITTED,
                            MessageStatus.EXPIRED, false));
                    batches.apply(counters, now);
                    return changed;
                });
                LOG.warn("{} SMS expired: no final receipt for every part within {}", expired.size(), config.getTimeout());
                signals.outcomesReady(expired);
            }
        }
        return due.size() == SWEEP;
    }

    private List<String> apply(List<StoredReceipt> batch, boolean stored) {
        Instant now = clock.instant();
        Map<StoredReceipt, Set<String>> candidates = new LinkedHashMap<>();
        Set<String> all = new HashSet<>();
        for (StoredReceipt r : batch) {
            Set<String> c = SmscMessageIds.candidates(r.receipt().smscMessageId());
            candidates.put(r, c);
            all.addAll(c);
        }
        Map<String, List<SmsPart>> partsById = new HashMap<>();
        for (SmsPart p : all.isEmpty() ? List.<SmsPart>of() : messages.partsBySmscIds(all)) {
            partsById.computeIfAbsent(p.smscMessageId(), k -> new ArrayList<>()).add(p);
        }

        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<PartDone> updates = new ArrayList<>();
        List<Integer> updateOf = new ArrayList<>();
        for (StoredReceipt receipt : batch) {
            if (receipt.status() == Status.ORPHAN) {
                outcomes.add(new Outcome(receipt.id(), Status.ORPHAN, null, null, 0, null));
                continue;
            }
            DeliveryReceipt r = receipt.receipt();
            List<SmsPart> parts = new ArrayList<>();
            candidates.get(receipt).forEach(c -> parts.addAll(partsById.getOrDefault(c, List.of())));
            if (parts.isEmpty()) {
                outcomes.add(unmatched(receipt, now));
                continue;
            }
            // the exact normal form wins over a hex/decimal reading of it
            SmsPart part = parts.stream()
                    .min(Comparator.comparing(p -> !p.smscMessageId().equals(r.smscMessageId())))
                    .orElseThrow();
            if (!r.state().isFinal()) {
                outcomes.add(new Outcome(receipt.id(), Status.APPLIED, part.messageId(), part.partNo(),
                        receipt.attempts(), null));
                continue;
            }
            PartStatus status = r.state().isSuccess() ? PartStatus.DELIVERED : PartStatus.FAILED;
            String error = r.state().isSuccess() ? null
                    : r.state().stat() + (r.errorCode() == null ? "" : ":" + r.errorCode());
            updateOf.add(outcomes.size());
            outcomes.add(new Outcome(receipt.id(), Status.APPLIED, part.messageId(), part.partNo(),
                    receipt.attempts(), null));
            updates.add(new PartDone(part.messageId(), part.partNo(), status, error,
                    r.doneDate() == null ? now : r.doneDate()));
        }

        // rows in one order in every transaction: two matchers never wait for each other in a cycle
        Integer[] order = new Integer[updates.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing((Integer i) -> updates.get(i).messageId())
                .thenComparingInt(i -> updates.get(i).partNo()));
        List<PartDone> sortedUpdates = new ArrayList<>(updates.size());
        List<Integer> sortedOf = new ArrayList<>(updates.size());
        for (Integer i : order) {
            sortedUpdates.add(updates.get(i));
            sortedOf.add(updateOf.get(i));
        }
        updates.clear();
        updates.addAll(sortedUpdates);
        updateOf.clear();
        updateOf.addAll(sortedOf);

        Set<String> touched = new TreeSet<>();
        boolean[] changed = messages.partsDone(updates);
        for (int i = 0; i < updates.size(); i++) {
            int at = updateOf.get(i);
            if (changed[i]) {
                touched.add(updates.get(i).messageId());
            } else {
                Outcome o = outcomes.get(at);
                outcomes.set(at, new Outcome(o.id(), Status.DUPLICATE, o.messageId(), o.partNo(), o.attempts(), null));
            }
        }
        if (stored) {
            receipts.finishAll(outcomes);
        } else {
            receipts.insertAll(batch, outcomes);
        }
        return touched.isEmpty() ? List.of() : finishMessages(touched, now);
    }

    private Outcome unmatched(StoredReceipt stored, Instant now) {
        if (stored.receivedAt().isBefore(now.minus(config.getMatchWindow()))) {
            LOG.warn("Receipt {} for unknown SMSC id '{}' ({}) matched no message within {}; kept as ORPHAN",
                    stored.id(), stored.receipt().rawMessageId(), stored.receipt().state(), config.getMatchWindow());
            return new Outcome(stored.id(), Status.ORPHAN, null, null, stored.attempts(), null);
        }
        return new Outcome(stored.id(), Status.UNMATCHED, null, null, stored.attempts() + 1,
                now.plus(config.getRetryInterval()));
    }

    /** Delivered when every part is, failed when one part failed. Returns the finished ids a process waits for. */
    private List<String> finishMessages(Set<String> messageIds, Instant now) {
        Map<String, List<PartState>> byMessage = new TreeMap<>();
        for (PartState s : messages.partStates(messageIds)) {
            byMessage.computeIfAbsent(s.messageId(), k -> new ArrayList<>()).add(s);
        }
        List<Finished> failed = new ArrayList<>();
        List<String> delivered = new ArrayList<>();
        Set<String> notify = new HashSet<>();
        byMessage.forEach((id, parts) -> {
            if (parts.get(0).waited()) {
                notify.add(id);
            }
            PartState failure = parts.stream().filter(p -> p.status() == PartStatus.FAILED)
                    .min(Comparator.comparingInt(PartState::partNo)).orElse(null);
            if (failure != null) {
                failed.add(new Finished(id, MessageStatus.FAILED, failure.errorCode(),
                        "part " + failure.partNo() + " of " + failure.parts() + " failed"));
            } else if (parts.size() == parts.get(0).parts() && parts.stream().allMatch(p -> p.status() == PartStatus.DELIVERED)) {
                delivered.add(id);
            }
        });
        List<String> failedIds = messages.finish(failed, now);
        List<String> deliveredIds = messages.delivered(delivered, now);
        BatchCounters counters = new BatchCounters();
        failedIds.forEach(id -> counters.moved(byMessage.get(id).get(0).batchId(),
                byMessage.get(id).get(0).messageStatus(), MessageStatus.FAILED, false));
        deliveredIds.forEach(id -> counters.moved(byMessage.get(id).get(0).batchId(),
                byMessage.get(id).get(0).messageStatus(), MessageStatus.DELIVERED, false));
        batches.apply(counters, now);
        List<String> finished = new ArrayList<>(failedIds);
        finished.addAll(deliveredIds);
        return finished.stream().filter(notify::contains).toList();
    }
}
