package io.smsflows.sms.receipt;

import io.smsflows.sms.config.SmsFlowsProperties;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.outbox.MessageStatus;
import io.smsflows.sms.outbox.PartStatus;
import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.outbox.SmsPart;
import io.smsflows.sms.receipt.ReceiptRepository.Status;
import io.smsflows.sms.receipt.ReceiptRepository.StoredReceipt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receipts in two steps. {@link #store} runs on the SMPP receiving thread: one INSERT, then the SMSC gets its
 * deliver_sm_resp. {@link #process} runs later on another thread: it matches the receipt to its part, moves the
 * part and the message on, and wakes the outcome notifier. A receipt that finds no part yet (it came before
 * submit_sm_resp, or before the part's id was committed) is kept UNMATCHED and matched again when the part gets
 * its id and by the periodic sweep, until the match window closes.
 */
public class ReceiptProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptProcessor.class);
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final ReceiptRepository receipts;
    private final SmsMessageRepository messages;
    private final SmsFlowsProperties.Receipts config;
    private final Runnable outcomeWake;
    private final Clock clock;
    private volatile Instant lastExpirySweep = Instant.EPOCH;

    public ReceiptProcessor(ReceiptRepository receipts, SmsMessageRepository messages,
                            SmsFlowsProperties.Receipts config, Runnable outcomeWake, Clock clock) {
        this.receipts = receipts;
        this.messages = messages;
        this.config = config;
        this.outcomeWake = outcomeWake;
        this.clock = clock;
    }

    /** Stores a receipt (auto-commit) and returns its id. Throws only if the database refuses the row. */
    public String store(DeliveryReceipt receipt) {
        String id = UUID.randomUUID().toString();
        Status status = receipt.smscMessageId().isEmpty() ? Status.ORPHAN : Status.NEW;
        receipts.insert(id, receipt, clock.instant(), status);
        if (status == Status.ORPHAN) {
            LOG.warn("Receipt {} from {} carries no message id (neither TLV nor text); stored as ORPHAN: {}", id,
                    PhoneNumbers.mask(receipt.sourceAddr()), receipt.rawText());
        }
        return id;
    }

    /** Matches and applies one stored receipt. Safe to call from several threads and more than once. */
    public void process(String receiptId) {
        Instant now = clock.instant();
        if (!receipts.claim(receiptId, now, now.plus(LEASE))) {
            return;
        }
        StoredReceipt stored = receipts.findById(receiptId).orElseThrow();
        DeliveryReceipt r = stored.receipt();
        Set<String> candidates = SmscMessageIds.candidates(r.smscMessageId());
        List<SmsPart> parts = candidates.isEmpty() ? List.of() : messages.partsBySmscIds(candidates);
        if (parts.isEmpty()) {
            if (stored.receivedAt().isBefore(now.minus(config.getMatchWindow()))) {
                receipts.finish(receiptId, Status.ORPHAN, null, null);
                LOG.warn("Receipt {} for unknown SMSC id '{}' ({}) matched no message within {}; kept as ORPHAN",
                        receiptId, r.rawMessageId(), r.state(), config.getMatchWindow());
            } else {
                if (stored.attempts() == 0) {
                    LOG.debug("Receipt {} for SMSC id '{}' matches no part yet; kept and retried", receiptId,
                            r.rawMessageId());
                }
                receipts.unmatched(receiptId, stored.attempts() + 1, now.plus(config.getRetryInterval()));
            }
            return;
        }
        // the exact normal form wins over a hex/decimal reading of it
        SmsPart part = parts.stream()
                .min(Comparator.comparing(p -> !p.smscMessageId().equals(r.smscMessageId())))
                .orElseThrow();
        if (!r.state().isFinal()) {
            receipts.finish(receiptId, Status.APPLIED, part.messageId(), part.partNo());
            return;
        }
        PartStatus partStatus = r.state().isSuccess() ? PartStatus.DELIVERED : PartStatus.FAILED;
        String error = r.state().isSuccess() ? null : r.state().stat() + (r.errorCode() == null ? "" : ":" + r.errorCode());
        boolean changed = messages.partDone(part.messageId(), part.partNo(), partStatus, error,
                r.doneDate() == null ? now : r.doneDate());
        receipts.finish(receiptId, changed ? Status.APPLIED : Status.DUPLICATE, part.messageId(), part.partNo());
        if (changed) {
            MessageStatus status = messages.refresh(part.messageId(), now);
            if (status != null && status.isFinal()) {
                outcomeWake.run();
            }
        } else {
            LOG.debug("Duplicate receipt {} for message {} part {} ignored", receiptId, part.messageId(), part.partNo());
        }
    }

    /** A part got its SMSC id: apply receipts that arrived before it. */
    public void partSubmitted(String smscMessageId) {
        Set<String> candidates = SmscMessageIds.candidates(smscMessageId);
        if (!candidates.isEmpty()) {
            receipts.waitingFor(candidates).forEach(this::process);
        }
    }

    /** One sweep: receipts due for (re)matching, then messages whose receipts are overdue. True if more is due. */
    public boolean sweep() {
        Instant now = clock.instant();
        List<String> due = receipts.due(now, 500);
        due.forEach(this::process);
        if (lastExpirySweep.isBefore(now.minusSeconds(60))) {
            lastExpirySweep = now;
            for (String id : messages.overdue(now.minus(config.getTimeout()), 500)) {
                if (messages.fail(id, MessageStatus.EXPIRED, "NO_RECEIPT",
                        "no final receipt for every part within " + config.getTimeout(), now)) {
                    LOG.warn("SMS {} expired: no final receipt for every part within {}", id, config.getTimeout());
                    outcomeWake.run();
                }
            }
        }
        return due.size() == 500;
    }
}
