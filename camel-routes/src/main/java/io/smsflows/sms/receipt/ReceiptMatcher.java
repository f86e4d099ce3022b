package io.smsflows.sms.receipt;

import io.smsflows.sms.batch.BatchCounters;
import io.smsflows.sms.batch.BatchRepository;
import io.smsflows.sms.outbox.MessageStatus;
import io.smsflows.sms.outbox.PartStatus;
import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.outbox.SmsMessageRepository.Finished;
import io.smsflows.sms.outbox.SmsMessageRepository.PartDone;
import io.smsflows.sms.outbox.SmsMessageRepository.PartState;
import io.smsflows.sms.outbox.SmsMessageRepository.SinglePart;
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
import java.util.SortedSet;
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

    /** What a receipt can be about: a part of a multi-part message, or a single-part message itself. */
    private record Target(String messageId, int partNo, String smscMessageId, SinglePart single) {
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
        Map<String, List<Target>> targetsById = new HashMap<>();
        if (!all.isEmpty()) {
            for (SinglePart m : messages.singlePartsBySmscIds(all)) {
                targetsById.computeIfAbsent(m.smscMessageId(), k -> new ArrayList<>())
                        .add(new Target(m.messageId(), 1, m.smscMessageId(), m));
            }
            for (SmsPart p : messages.partsBySmscIds(all)) {
                targetsById.computeIfAbsent(p.smscMessageId(), k -> new ArrayList<>())
                        .add(new Target(p.messageId(), p.partNo(), p.smscMessageId(), null));
            }
        }

        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<PartDone> partUpdates = new ArrayList<>();
        List<Integer> partUpdateOf = new ArrayList<>();
        Map<Integer, SinglePart> singleFinal = new TreeMap<>();
        Map<Integer, DeliveryReceipt> singleReceipt = new HashMap<>();
        for (StoredReceipt receipt : batch) {
            if (receipt.status() == Status.ORPHAN) {
                outcomes.add(new Outcome(receipt.id(), Status.ORPHAN, null, null, 0, null));
                continue;
            }
            DeliveryReceipt r = receipt.receipt();
            List<Target> targets = new ArrayList<>();
            candidates.get(receipt).forEach(c -> targets.addAll(targetsById.getOrDefault(c, List.of())));
            if (targets.isEmpty()) {
                outcomes.add(unmatched(receipt, now));
                continue;
            }
            // the exact normal form wins over a hex/decimal reading of it
            Target target = targets.stream()
                    .min(Comparator.comparing(t -> !t.smscMessageId().equals(r.smscMessageId())))
                    .orElseThrow();
            Outcome applied = new Outcome(receipt.id(), Status.APPLIED, target.messageId(), target.partNo(),
                    receipt.attempts(), null);
            if (r.state().isFinal()) {
                if (target.single() != null) {
                    singleFinal.put(outcomes.size(), target.single());
                    singleReceipt.put(outcomes.size(), r);
                } else {
                    partUpdateOf.add(outcomes.size());
                    partUpdates.add(new PartDone(target.messageId(), target.partNo(),
                            r.state().isSuccess() ? PartStatus.DELIVERED : PartStatus.FAILED, error(r),
                            r.doneDate() == null ? now : r.doneDate()));
                }
            }
            outcomes.add(applied);
        }

        BatchCounters counters = new BatchCounters();
        List<String> finished = new ArrayList<>();
        finished.addAll(applySingles(singleFinal, singleReceipt, outcomes, counters, now));
        finished.addAll(applyParts(partUpdates, partUpdateOf, outcomes, counters, now));
        batches.apply(counters, now);
        if (stored) {
            receipts.finishAll(outcomes);
        } else {
            receipts.insertAll(batch, outcomes);
        }
        return finished;
    }

    private static String error(DeliveryReceipt r) {
        return r.state().isSuccess() ? null : r.state().stat() + (r.errorCode() == null ? "" : ":" + r.errorCode());
    }

    /**
     * Final receipts of single-part messages move the message at once (guarded: a message already final makes the
     * receipt a DUPLICATE). Returns the finished messages a process waits for.
     */
    private List<String> applySingles(Map<Integer, SinglePart> singles, Map<Integer, DeliveryReceipt> receiptOf,
                                      List<Outcome> outcomes, BatchCounters counters, Instant now) {
        if (singles.isEmpty()) {
            return List.of();
        }
        // rows in one order in every transaction: two matchers never wait for each other in a cycle
        List<Map.Entry<Integer, SinglePart>> ordered = new ArrayList<>(singles.entrySet());
        ordered.sort(Comparator.comparing(e -> e.getValue().messageId()));
        List<String> deliveredIds = new ArrayList<>();
        List<Finished> failed = new ArrayList<>();
        for (Map.Entry<Integer, SinglePart> e : ordered) {
            DeliveryReceipt r = receiptOf.get(e.getKey());
            if (r.state().isSuccess()) {
                deliveredIds.add(e.getValue().messageId());
            } else {
                failed.add(new Finished(e.getValue().messageId(), MessageStatus.FAILED, error(r), "part 1 of 1 failed"));
            }
        }
        List<String> changed = new ArrayList<>(messages.delivered(deliveredIds, now));
        List<String> failedChanged = messages.finish(failed, now);
        changed.addAll(failedChanged);
        Set<String> counted = new HashSet<>();
        List<String> waited = new ArrayList<>();
        for (Map.Entry<Integer, SinglePart> e : ordered) {
            SinglePart m = e.getValue();
            if (changed.contains(m.messageId()) && counted.add(m.messageId())) {
                counters.moved(m.batchId(), m.status(), failedChanged.contains(m.messageId())
                        ? MessageStatus.FAILED : MessageStatus.DELIVERED, false);
                if (m.waited()) {
                    waited.add(m.messageId());
                }
            } else {
                Outcome o = outcomes.get(e.getKey());
                outcomes.set(e.getKey(), new Outcome(o.id(), Status.DUPLICATE, o.messageId(), o.partNo(), o.attempts(),
                        null));
            }
        }
        return waited;
    }

    /** Final receipts of parts of multi-part messages; then the messages whose parts are all known. */
    private List<String> applyParts(List<PartDone> updates, List<Integer> updateOf, List<Outcome> outcomes,
                                    BatchCounters counters, Instant now) {
        if (updates.isEmpty()) {
            return List.of();
        }
        // rows in one order in every transaction: two matchers never wait for each other in a cycle
        Integer[] order = new Integer[updates.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing((Integer i) -> updates.get(i).messageId())
                .thenComparingInt(i -> updates.get(i).partNo()));
        List<PartDone> sorted = new ArrayList<>(updates.size());
        List<Integer> sortedOf = new ArrayList<>(updates.size());
        for (Integer i : order) {
            sorted.add(updates.get(i));
            sortedOf.add(updateOf.get(i));
        }
        SortedSet<String> touched = new TreeSet<>();
        boolean[] changed = messages.partsDone(sorted);
        for (int i = 0; i < sorted.size(); i++) {
            if (changed[i]) {
                touched.add(sorted.get(i).messageId());
            } else {
                int at = sortedOf.get(i);
                Outcome o = outcomes.get(at);
                outcomes.set(at, new Outcome(o.id(), Status.DUPLICATE, o.messageId(), o.partNo(), o.attempts(), null));
            }
        }
        if (touched.isEmpty()) {
            return List.of();
        }
        messages.lock(touched); // see the parts another transaction finished at the same time
        return finishMessages(touched, counters, now);
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
    private List<String> finishMessages(Set<String> messageIds, BatchCounters counters, Instant now) {
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
        failedIds.forEach(id -> counters.moved(byMessage.get(id).get(0).batchId(),
                byMessage.get(id).get(0).messageStatus(), MessageStatus.FAILED, false));
        deliveredIds.forEach(id -> counters.moved(byMessage.get(id).get(0).batchId(),
                byMessage.get(id).get(0).messageStatus(), MessageStatus.DELIVERED, false));
        List<String> finished = new ArrayList<>(failedIds);
        finished.addAll(deliveredIds);
        return finished.stream().filter(notify::contains).toList();
    }
}
