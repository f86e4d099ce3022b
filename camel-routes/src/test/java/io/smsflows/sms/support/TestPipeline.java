package io.smsflows.sms.support;

import io.smsflows.sms.batch.BatchProperties;
import io.smsflows.sms.batch.BatchRepository;
import io.smsflows.sms.batch.SmsBatches;
import io.smsflows.sms.batch.TextTemplates;
import io.smsflows.sms.codec.StandardSmsEncoder;
import io.smsflows.sms.config.EncodingPolicy;
import io.smsflows.sms.config.SmsFlowsSchema;
import io.smsflows.sms.consent.RecipientGate;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.outbox.OutboxDispatcher;
import io.smsflows.sms.outbox.OutboxProperties;
import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.outbox.SmsOutbox;
import io.smsflows.sms.preview.PricingProperties;
import io.smsflows.sms.receipt.DeliveryReceipt;
import io.smsflows.sms.receipt.ReceiptMatcher;
import io.smsflows.sms.receipt.ReceiptProperties;
import io.smsflows.sms.receipt.ReceiptRepository;
import io.smsflows.sms.receipt.ReceiptState;
import io.smsflows.sms.receipt.ReceiptStore;
import io.smsflows.sms.receipt.SmscMessageIds;
import io.smsflows.sms.submit.ChunkSubmitter;
import io.smsflows.sms.carrier.CarrierProperties;
import io.smsflows.sms.carrier.CarrierRouter;
import io.smsflows.sms.submit.ClaimedSms;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pipeline's stages on a fresh H2 database, wired as the starter wires them but with a scripted wire and
 * recorded signals, so tests drive each stage by hand.
 */
public final class TestPipeline {

    public final JdbcDataSource dataSource = new JdbcDataSource();
    public final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    public final JdbcTemplate jdbc;
    public final TransactionTemplate transactions;
    public final RecordingSignals signals = new RecordingSignals();
    public final ScriptedWire wire = new ScriptedWire();
    public final OutboxProperties outboxConfig = new OutboxProperties();
    public final ReceiptProperties receiptConfig = new ReceiptProperties();
    public final BatchProperties batchConfig = new BatchProperties();
    public final SmsMessageRepository messages;
    public final ReceiptRepository receipts;
    public final RecipientGate gate;
    public final SuppressionList suppressions;
    public final io.smsflows.sms.consent.ConsentRecords consents;
    public final SmsOutbox outbox;
    public final OutboxDispatcher dispatcher;
    public final ChunkSubmitter submitter;
    public final ReceiptStore store;
    public final ReceiptMatcher matcher;
    public final BatchRepository batchRepository;
    public final SmsBatches batches;

    public TestPipeline(String name) {
        this(name, TextTemplates.NONE);
    }

    public TestPipeline(String name, TextTemplates templates) {
        this(name, templates, CarrierRouter.single(CarrierProperties.DEFAULT));
    }

    private final io.smsflows.sms.submit.SenderRates senderRates;

    /** @param router routes every message (the wire's {@link ScriptedWire#down} says which carriers are available) */
    public TestPipeline(String name, TextTemplates templates, CarrierRouter router) {
        this(name, templates, router, java.util.Map.of());
    }

    /** @param senderCaps parts per second per sender (smsflows.senders.caps), on the pipeline's clock */
    public TestPipeline(String name, TextTemplates templates, CarrierRouter router,
                        java.util.Map<String, Double> senderCaps) {
        this(name, templates, router, senderCaps, io.smsflows.sms.compliance.QuietHours.NONE);
    }

    /** @param quietHours sending windows, checked at the wire on the pipeline's clock */
    public TestPipeline(String name, TextTemplates templates, CarrierRouter router,
                        java.util.Map<String, Double> senderCaps, io.smsflows.sms.compliance.QuietHours quietHours) {
        this(name, templates, router, senderCaps, quietHours, false);
    }

    /** @param checkConsent marketing needs a granted consent record at the wire ({@link #consents}) */
    public TestPipeline(String name, TextTemplates templates, CarrierRouter router,
                        java.util.Map<String, Double> senderCaps, io.smsflows.sms.compliance.QuietHours quietHours,
                        boolean checkConsent) {
        this(name, templates, router, senderCaps, quietHours, checkConsent,
                io.smsflows.sms.compliance.FrequencyCaps.NONE);
    }

    /** @param frequency how often one number may receive marketing, checked at the wire */
    public TestPipeline(String name, TextTemplates templates, CarrierRouter router,
                        java.util.Map<String, Double> senderCaps, io.smsflows.sms.compliance.QuietHours quietHours,
                        boolean checkConsent, io.smsflows.sms.compliance.FrequencyCaps frequency) {
        senderRates = new io.smsflows.sms.submit.SenderRates(senderCaps, clock);
        dataSource.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        new SmsFlowsSchema(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        messages = new SmsMessageRepository(jdbc, SqlDialect.H2);
        receipts = new ReceiptRepository(jdbc);
        gate = new RecipientGate(dataSource, SqlDialect.H2);
        suppressions = new SuppressionList(jdbc, gate, clock);
        consents = new io.smsflows.sms.consent.ConsentRecords(jdbc, gate, transactions, clock);
        EncodingPolicy encoding = EncodingPolicy.defaults();
        outbox = new SmsOutbox(messages, new StandardSmsEncoder(), encoding, "SMSFlows", clock, suppressions, signals);
        dispatcher = new OutboxDispatcher(messages, outboxConfig, transactions, "node-a", signals, clock);
        batchRepository = new BatchRepository(jdbc);
        submitter = new ChunkSubmitter(messages, batchRepository, new PricingProperties(), new StandardSmsEncoder(),
                encoding, wire, gate, suppressions, outboxConfig, "SMSFlows", transactions, signals, clock,
                new io.smsflows.sms.submit.SubmitPolicies(io.smsflows.sms.number.RecipientPolicy.ANY, router,
                        senderRates, quietHours, checkConsent ? consents : null, frequency));
        matcher = new ReceiptMatcher(receipts, messages, batchRepository, receiptConfig, transactions, signals, clock);
        store = new ReceiptStore(receipts, matcher, transactions, clock, Duration.ofSeconds(5));
        batches = new SmsBatches(batchRepository, messages, new StandardSmsEncoder(), encoding, suppressions,
                new PricingProperties(), batchConfig, templates, "SMSFlows", transactions, signals,
                new TableStatistics(jdbc, SqlDialect.H2, transactions, batchConfig.getAnalyzeAfterRows()), clock);
    }

    /** Claims every due message and submits it, chunk by chunk, until nothing is due. */
    public int dispatchAll() {
        int sent = 0;
        while (true) {
            OutboxDispatcher.Round round = dispatcher.claim();
            if (round.chunks().isEmpty()) {
                return sent;
            }
            for (List<ClaimedSms> chunk : round.chunks()) {
                try {
                    submitter.submit(chunk, dispatcher.nodeId());
                } finally {
                    dispatcher.done(chunk.size());
                }
                sent += chunk.size();
            }
        }
    }

    /** A receipt from the SMSC: stored and matched on arrival. Returns the stored receipt's id. */
    public String receive(String smscId, ReceiptState state) {
        return store.store(new DeliveryReceipt(SmscMessageIds.normalise(smscId), smscId, state, null, null, null,
                "4915112345678", "SMSFlows", "id:" + smscId)).id();
    }

    /** The SMSC id the wire gave to part {@code partNo} of a message. */
    public String smscId(String messageId, int partNo) {
        return messages.parts(messageId).stream().filter(p -> p.partNo() == partNo).findFirst()
                .map(io.smsflows.sms.outbox.SmsPart::smscMessageId).orElseThrow();
    }

    /** The batch's counters, as its status shows them, next to the same counts counted again from its messages. */
    public java.util.Map<String, Integer> countersOf(String batchId) {
        var b = batches.status(batchId).orElseThrow();
        java.util.Map<String, Integer> counters = new java.util.TreeMap<>();
        counters.put("queued", b.queued());
        counters.put("submitted", b.submitted());
        counters.put("delivered", b.delivered());
        counters.put("failed", b.failed());
        counters.put("expired", b.expired());
        counters.put("suppressed", b.suppressed());
        counters.put("cancelled", b.cancelled());
        counters.values().removeIf(v -> v == 0);
        return counters;
    }

    public java.util.Map<String, Integer> recount(String batchId) {
        return new java.util.TreeMap<>(batchRepository.recount(batchId));
    }

    public String status(String messageId) {
        return jdbc.queryForObject("select status from sms_message where id = ?", String.class, messageId);
    }
}
