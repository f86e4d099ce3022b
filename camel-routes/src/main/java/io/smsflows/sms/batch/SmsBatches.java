package io.smsflows.sms.batch;

import io.smsflows.sms.codec.EncodedSms;
import io.smsflows.sms.codec.EncodingOptions;
import io.smsflows.sms.codec.SmsEncoder;
import io.smsflows.sms.codec.SmsTooLongException;
import io.smsflows.sms.config.EncodingPolicy;
import io.smsflows.sms.config.SmsCategories;
import io.smsflows.sms.consent.Suppression;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.number.InvalidPhoneNumberException;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.number.InvalidSenderException;
import io.smsflows.sms.number.RecipientPolicy;
import io.smsflows.sms.number.SenderPolicy;
import io.smsflows.sms.outbox.MessageStatus;
import io.smsflows.sms.outbox.SmsMessage;
import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.outbox.SmsMessageRepository.NewMessage;
import io.smsflows.sms.preview.PricingProperties;
import io.smsflows.sms.support.AfterCommit;
import io.smsflows.sms.support.TableStatistics;
import io.smsflows.sms.support.PipelineSignals;
import io.smsflows.sms.support.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk sends without a process per message: a batch is one row, its recipients are rows of sms_message flowing
 * through the pipeline. The Java API behind {@code /api/sms/batches} and the "Send SMS batch" task.
 *
 * <p>Accepting is all or nothing: every row is read, checked (number, text, placeholders, length) and stored in one
 * transaction, streamed in chunks so a million rows never sit in memory. Invalid rows are rejected with a reason and
 * stored as such; a request that fails as a whole (malformed JSON, too many rows, a database error) leaves nothing
 * behind. Numbers that opted out are stored as suppressed and never queued. The same idempotency key returns the
 * batch it made the first time.
 */
public class SmsBatches {

    private static final Logger LOG = LoggerFactory.getLogger(SmsBatches.class);
    private static final int CHUNK = SmsMessageRepository.CHUNK;

    private final RecipientPolicy recipients;
    private final SenderPolicy senders;
    private final BatchRepository batches;
    private final SmsMessageRepository messages;
    private final SmsEncoder encoder;
    private final EncodingPolicy encoding;
    private final SuppressionList suppressions;
    private final PricingProperties pricing;
    private final BatchProperties config;
    private final TextTemplates templates;
    private final String defaultSender;
    private final TransactionTemplate transactions;
    private final TransactionTemplate storing;
    private final PipelineSignals signals;
    private final TableStatistics statistics;
    private final Clock clock;
    private volatile io.smsflows.sms.link.ShortLinks links;

    /** Short links for {{link:...}} in texts; without them such a row is rejected. */
    public void setShortLinks(io.smsflows.sms.link.ShortLinks links) {
        this.links = links;
    }

    public SmsBatches(BatchRepository batches, SmsMessageRepository messages, SmsEncoder encoder,
                      EncodingPolicy encoding, SuppressionList suppressions, PricingProperties pricing,
                      BatchProperties config, TextTemplates templates, String defaultSender,
                      TransactionTemplate transactions, PipelineSignals signals, TableStatistics statistics,
                      Clock clock) {
        this(batches, messages, encoder, encoding, suppressions, pricing, config, templates, defaultSender,
                transactions, signals, statistics, clock, RecipientPolicy.ANY, SenderPolicy.ANY);
    }

    /**
     * @param recipients which numbers may get an SMS at all: the others are rejected rows
     * @param senders    which sender each row's country takes (rows it cannot take are rejected)
     */
    public SmsBatches(BatchRepository batches, SmsMessageRepository messages, SmsEncoder encoder,
                      EncodingPolicy encoding, SuppressionList suppressions, PricingProperties pricing,
                      BatchProperties config, TextTemplates templates, String defaultSender,
                      TransactionTemplate transactions, PipelineSignals signals, TableStatistics statistics,
                      Clock clock, RecipientPolicy recipients, SenderPolicy senders) {
        this.recipients = recipients;
        this.senders = senders;
        this.batches = batches;
        this.messages = messages;
        this.encoder = encoder;
        this.encoding = encoding;
        this.suppressions = suppressions;
        this.pricing = pricing;
        this.config = config;
        this.templates = templates;
        this.defaultSender = defaultSender;
        this.transactions = transactions;
        // in a caller's transaction (a process engine job) the batch is stored under a savepoint: a batch refused
        // as a whole rolls back to it and the job goes on (its process takes the refusal), instead of the whole job
        // being marked for rollback and retried into an incident
        this.storing = new TransactionTemplate(transactions.getTransactionManager());
        this.storing.setPropagationBehavior(TransactionTemplate.PROPAGATION_NESTED);
        this.signals = signals;
        this.statistics = statistics;
        this.clock = clock;
    }

    /**
     * Accepts a batch. Joins the caller's transaction if there is one (a process engine job), else commits its own.
     *
     * @throws IllegalArgumentException for a request that cannot be sent at all (unknown category, text and template
     *                                  both or neither given where rows carry no text, unreadable input): nothing
     *                                  is stored
     * @throws BatchTooLargeException   for more rows than {@code smsflows.batches.max-recipients}
     */
    public BatchReceipt accept(BatchRequest request, Iterator<BatchRecipient> recipients) {
        String category = encoding.category(request.category());
        if (notBlank(request.text()) && notBlank(request.template())) {
            throw new IllegalArgumentException("give the batch a 'text' or a 'template', not both");
        }
        String key = notBlank(request.idempotencyKey()) ? request.idempotencyKey().trim() : null;
        if (key != null) {
            Optional<BatchRepository.BatchRow> known = batches.findByIdempotencyKey(key);
            if (known.isPresent()) {
                return receipt(known.get(), true);
            }
        }
        BatchReceipt receipt;
        try {
            receipt = storing.execute(tx -> store(request, category, key, recipients));
        } catch (DuplicateKeyException e) {
            // the same key, accepted concurrently by another request or node: that batch is the one
            return batches.findByIdempotencyKey(key).map(b -> receipt(b, true)).orElseThrow(() -> e);
        }
        int rows = receipt.accepted();
        AfterCommit.run(() -> {
            statistics.afterBulkInsert(rows); // before the claims plan their first statements on these rows
            signals.outboxReady();
        });
        return receipt;
    }

    /** {@code smsflows.batches.max-recipients}: a larger batch is refused as a whole. */
    public int maxRecipients() {
        return config.getMaxRecipients();
    }

    /** The status of a batch: one row (its counters move with its messages, in the same transactions). */
    public Optional<BatchStatus> status(String id) {
        return batches.findById(id).map(b -> batches.withDetails(batches.status(b, pricing.getCurrency())));
    }

    /**
     * Cancels a batch: what is still queued never goes out, what is being submitted is stopped at the opt-out gate,
     * what is on the wire finishes. Empty if there is no such batch.
     *
     * @throws IllegalStateException if the batch has ended (nothing to cancel)
     */
    public Optional<BatchStatus> cancel(String id) {
        Optional<BatchRepository.BatchRow> batch = batches.findById(id);
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Boolean cancelled = transactions.execute(tx -> {
            if (!batches.cancel(id, now)) {
                return false;
            }
            int stopped = batches.cancelQueued(id, now);
            LOG.info("Batch {} cancelled: {} queued message(s) will not be sent", id, stopped);
            return true;
        });
        if (!Boolean.TRUE.equals(cancelled) && batch.get().state() != BatchState.CANCELLED) {
            throw new IllegalStateException("batch " + id + " has ended (" + batch.get().state()
                    + "): nothing is left to cancel");
        }
        return status(id);
    }

    public List<BatchRejection> rejections(String id, int offset, int limit) {
        return batches.rejections(id, Math.max(0, offset), Math.max(1, Math.min(limit, 10_000)));
    }

    private BatchReceipt store(BatchRequest request, String category, String key, Iterator<BatchRecipient> rows) {
        String id = TimeOrderedIds.next();
        Instant now = clock.instant();
        batches.insert(id, key == null ? id : key, request, category, now);
        Acceptor acceptor = new Acceptor(id, request, category, now);
        int index = 0;
        while (rows.hasNext()) {
            if (index >= config.getMaxRecipients()) {
                throw new BatchTooLargeException(config.getMaxRecipients());
            }
            acceptor.row(rows.next(), index++);
        }
        acceptor.flush();
        if (index == 0) {
            throw new IllegalArgumentException("the batch has no recipients: give at least one row with 'to'");
        }
        batches.accepted(id, index, acceptor.accepted, acceptor.rejectedCount, acceptor.queued,
                acceptor.accepted - acceptor.queued, now);
        LOG.info("Batch {} accepted: {} row(s), {} accepted ({} opted out), {} rejected, {} category", id, index,
                acceptor.accepted, acceptor.accepted - acceptor.queued, acceptor.rejectedCount, category);
        return new BatchReceipt(id, acceptor.queued == 0 ? BatchState.DONE : BatchState.ACCEPTED, acceptor.accepted,
                acceptor.rejectedCount, acceptor.shown, false);
    }

    private BatchReceipt receipt(BatchRepository.BatchRow b, boolean duplicate) {
        return new BatchReceipt(b.id(), b.state(), b.accepted(), b.rejected(),
                batches.rejections(b.id(), 0, config.getRejectionsShown()), duplicate);
    }

    /** Checks and stores the rows of one batch, a chunk at a time. */
    private final class Acceptor {

        private final String batchId;
        private final BatchRequest request;
        private final String category;
        private final Instant now;
        private final String sender;
        private final NumberSet seen = new NumberSet();
        private final Map<String, String> templateTexts = new HashMap<>();
        private final EncodingOptions options;
        private final List<NewMessage> pending = new ArrayList<>(CHUNK);
        private final List<io.smsflows.sms.link.ShortLinks.NewLink> pendingLinks = new ArrayList<>();
        private final List<BatchRejection> rejections = new ArrayList<>();
        private final List<BatchRejection> shown = new ArrayList<>();
        private int accepted;
        private int queued;
        private int rejectedCount;

        Acceptor(String batchId, BatchRequest request, String category, Instant now) {
            this.batchId = batchId;
            this.request = request;
            this.category = category;
            this.now = now;
            this.sender = notBlank(request.sender()) ? request.sender().trim() : null;
            try {
                SenderPolicy.form(sender != null ? sender : defaultSender);
            } catch (InvalidSenderException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            this.options = encoding.options(category, request.smartReplacement());
        }

        void row(BatchRecipient r, int index) {
            if (r.problem() != null) {
                reject(index, r.to(), r.problem());
                return;
            }
            PhoneNumbers.Parsed number;
            try {
                number = PhoneNumbers.parse(r.to(), null);
                recipients.check(number);
            } catch (InvalidPhoneNumberException e) {
                reject(index, r.to(), e.getMessage());
                return;
            }
            if (!seen.add(number.e164())) {
                reject(index, r.to(), "the same number is in an earlier row: each number gets a batch once");
                return;
            }
            String rowSender;
            try {
                String given = sender != null ? sender : defaultSender;
                String resolved = senders.resolve(given, number.region(), false);
                rowSender = resolved.equals(given) ? sender : resolved; // e.g. a number instead of a name in the US
            } catch (InvalidSenderException e) {
                reject(index, r.to(), e.getMessage());
                return;
            }
            String text;
            try {
                text = text(r);
            } catch (Placeholders.MissingVariable | IllegalArgumentException e) {
                reject(index, r.to(), e.getMessage());
                return;
            }
            if (text == null || text.isBlank()) {
                reject(index, r.to(), "no text: give the batch a 'text' or 'template', or the row its own 'text'");
                return;
            }
            String id = TimeOrderedIds.next();
            List<io.smsflows.sms.link.ShortLinks.NewLink> rowLinks = List.of();
            if (io.smsflows.sms.link.ShortLinks.hasLinks(text)) {
                if (links == null) {
                    reject(index, r.to(), "the text has a {{link:...}} but short links are not configured");
                    return;
                }
                try {
                    io.smsflows.sms.link.ShortLinks.Shortened shortened = links.shorten(text, id, batchId, number.e164());
                    text = shortened.text(); // counted at its real length below
                    rowLinks = shortened.links();
                } catch (IllegalArgumentException e) {
                    reject(index, r.to(), e.getMessage());
                    return;
                }
            }
            EncodedSms encoded;
            try {
                encoded = encoder.encode(text, options, 0);
            } catch (SmsTooLongException e) {
                reject(index, r.to(), e.getMessage());
                return;
            }
            pendingLinks.addAll(rowLinks);
            SmsMessage m = new SmsMessage(id, batchId + ":" + index, null,
                    request.businessKey(), null, null, null, number.e164(), rowSender, text, category,
                    encoded.alphabet().name(), encoded.segments(), MessageStatus.QUEUED, 0, null, null, null, now, null,
                    null, 0, batchId, number.region(), 0, null, null);
            pending.add(new NewMessage(m, request.smartReplacement(), false, index));
            accepted++;
            if (pending.size() == CHUNK) {
                flush();
            }
        }

        private String text(BatchRecipient r) {
            Map<String, Object> variables = r.variables();
            if (notBlank(r.text())) {
                return Placeholders.fill(r.text(), Placeholders.DOUBLE, variables);
            }
            if (notBlank(request.text())) {
                return Placeholders.fill(request.text(), Placeholders.DOUBLE, variables);
            }
            if (notBlank(request.template())) {
                String locale = notBlank(r.locale()) ? r.locale() : notBlank(request.locale()) ? request.locale() : "en";
                String template = templateTexts.computeIfAbsent(locale.toLowerCase(Locale.ROOT),
                        l -> templates.text(request.template().trim(), l));
                return Placeholders.fill(template, Placeholders.SINGLE, variables);
            }
            return null;
        }

        private void reject(int index, String to, String reason) {
            BatchRejection rejection = new BatchRejection(index, to, reason);
            rejections.add(rejection);
            rejectedCount++;
            if (shown.size() < config.getRejectionsShown()) {
                shown.add(rejection);
            }
            if (rejections.size() == CHUNK) {
                flush();
            }
        }

        /** Stores the pending rows; numbers that opted out are stored as suppressed, never queued. */
        void flush() {
            if (!pending.isEmpty()) {
                Map<String, List<Suppression>> optedOut = SmsCategories.CONSENT.equals(category) ? Map.of()
                        : suppressions.activeFor(pending.stream().map(n -> n.message().recipient()).toList());
                List<NewMessage> rows = new ArrayList<>(pending.size());
                for (NewMessage n : pending) {
                    String from = n.message().sender() != null ? n.message().sender() : defaultSender;
                    Suppression s = optedOut.getOrDefault(n.message().recipient(), List.of()).stream()
                            .filter(x -> x.blocks(from)).findFirst().orElse(null);
                    if (s == null) {
                        rows.add(n);
                        queued++;
                    } else {
                        SmsMessage m = n.message();
                        rows.add(new NewMessage(new SmsMessage(m.id(), m.idempotencyKey(), null, m.businessKey(), null,
                                null, null, m.recipient(), m.sender(), m.body(), m.category(), m.encoding(), m.parts(),
                                MessageStatus.FAILED, 0, null, "SUPPRESSED", "not sent: the number opted out ("
                                + s.scope() + ", " + s.source() + ", " + s.createdAt() + ")", m.createdAt(), null, now, 0,
                                m.batchId(), m.country(), 0, null, null), n.smartReplacement(), false, n.batchIndex()));
                    }
                }
                messages.insertAll(rows);
                pending.clear();
                if (!pendingLinks.isEmpty()) {
                    links.insert(pendingLinks);
                    pendingLinks.clear();
                }
            }
            if (!rejections.isEmpty()) {
                batches.insertRejections(batchId, rejections);
                rejections.clear();
            }
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
