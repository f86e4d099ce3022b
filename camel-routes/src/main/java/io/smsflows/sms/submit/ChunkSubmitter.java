package io.smsflows.sms.submit;

import io.smsflows.sms.batch.BatchCounters;
import io.smsflows.sms.batch.BatchRepository;
import io.smsflows.sms.compliance.FrequencyCaps;
import io.smsflows.sms.compliance.PrefixBursts;
import io.smsflows.sms.support.PipelineMetrics;
import io.smsflows.sms.compliance.QuietHours;
import io.smsflows.sms.consent.ConsentRecord;
import io.smsflows.sms.consent.ConsentRecords;
import io.smsflows.sms.carrier.CarrierRouter;
import io.smsflows.sms.carrier.NoRouteException;
import io.smsflows.sms.carrier.RouteChoice;
import io.smsflows.sms.codec.EncodedSms;
import io.smsflows.sms.codec.SmsEncoder;
import io.smsflows.sms.codec.WirePart;
import io.smsflows.sms.config.EncodingPolicy;
import io.smsflows.sms.config.SmsCategories;
import io.smsflows.sms.consent.RecipientGate;
import io.smsflows.sms.consent.Suppression;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.number.RecipientPolicy;
import io.smsflows.sms.outbox.MessageStatus;
import io.smsflows.sms.outbox.OutboxProperties;
import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.outbox.SmsMessageRepository.Finished;
import io.smsflows.sms.outbox.SmsMessageRepository.PartResult;
import io.smsflows.sms.outbox.SmsMessageRepository.Retry;
import io.smsflows.sms.preview.PricingProperties;
import io.smsflows.sms.receipt.SmscMessageIds;
import io.smsflows.sms.smpp.PartSubmission;
import io.smsflows.sms.smpp.SmppErrors;
import io.smsflows.sms.smpp.SmppWire;
import io.smsflows.sms.smpp.SubmitFailure;
import io.smsflows.sms.smpp.SubmitResult;
import io.smsflows.sms.support.Clocks;
import io.smsflows.sms.support.PipelineSignals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submits a chunk of claimed messages in one transaction, which is the opt-out gate:
 * <ol>
 *   <li>locks the recipients of every message not yet on the wire ({@link RecipientGate}, one statement), reads their
 *       suppressions (one query) and cancelled batches (one query), gives multi-part messages their concatenation
 *       reference;</li>
 *   <li>encodes the admitted messages and submits all their missing parts at once through the bind's window
 *       ({@link SmppWire});</li>
 *   <li>records the answers (ids, refusals, retries) in batches and commits, which releases the recipients.</li>
 * </ol>
 * An opt-out stored before the commit of step 1 is seen there; one stored later waits for the recipient's lock and so
 * for the answers of step 2: no message starts on the wire after an opt-out was committed, on any node, except the one
 * confirmation (category {@value SmsCategories#CONSENT}). The only database connection that waits on the network is
 * this transaction's, once per chunk.
 *
 * <p>Failures: a permanent refusal of a part fails the message at once; a transient one (throttling, no bind,
 * timeout) puts it back in the queue with backoff, keeping the parts that were accepted. If this node dies before
 * the commit, the lease runs out and another node sends the parts that have no id (counted as possible duplicates).
 */
public class ChunkSubmitter {

    /** error_code of a message stopped because its recipient opted out. */
    public static final String SUPPRESSED = "SUPPRESSED";
    /** error_code of a message to a country that is not (or no longer) an allowed destination. */
    public static final String BLOCKED_DESTINATION = "BLOCKED_DESTINATION";
    /** error_code of a message whose batch was cancelled before it reached the wire. */
    public static final String CANCELLED = "CANCELLED";
    /** error_code of a message no routing rule matches. */
    public static final String NO_ROUTE = "NO_ROUTE";
    /** error_code of a message waiting because every carrier its rule allows is down. */
    public static final String NO_CARRIER = "NO_CARRIER";
    /** error_code of a marketing message without a granted consent when it would have gone on the wire. */
    public static final String NO_CONSENT = "NO_CONSENT";
    /** error_code of a marketing message over its number's daily or weekly cap (smsflows.frequency). */
    public static final String CAPPED = "CAPPED";
    /** error_code of a marketing message waiting for the minimum gap after its number's last one. */
    public static final String MIN_GAP = "MIN_GAP";
    /** error_code of a message whose number range got too many messages in the last minute (SMS pumping). */
    public static final String PREFIX_BURST = "PREFIX_BURST";
    /** error_code of a message outside its recipient's sending window, waiting for its next opening. */
    public static final String DEFERRED = "DEFERRED";
    /** error_code of a message waiting for room under its sender's cap (smsflows.senders.caps). */
    public static final String SENDER_RATE = "SENDER_RATE";

    private static final Logger LOG = LoggerFactory.getLogger(ChunkSubmitter.class);

    private final RecipientPolicy recipients;
    private final CarrierRouter router;
    private final SenderRates senderRates;
    private final QuietHours quietHours;
    private final ConsentRecords consents;
    private final FrequencyCaps frequency;
    private final PrefixBursts bursts;
    private volatile PipelineMetrics metrics = PipelineMetrics.NONE;

    /** Where possible pumping (bursts to one number range) is counted. */
    public void setMetrics(PipelineMetrics metrics) {
        this.metrics = metrics;
    }
    private final SmsMessageRepository messages;
    private final BatchRepository batches;
    private final PricingProperties pricing;
    private final SmsEncoder encoder;
    private final EncodingPolicy encoding;
    private final SmppWire wire;
    private final RecipientGate gate;
    private final SuppressionList suppressions;
    private final OutboxProperties config;
    private final String defaultSender;
    private final TransactionTemplate transactions;
    private final PipelineSignals signals;
    private final Clock clock;

    public ChunkSubmitter(SmsMessageRepository messages, BatchRepository batches, PricingProperties pricing,
                          SmsEncoder encoder, EncodingPolicy encoding, SmppWire wire, RecipientGate gate,
                          SuppressionList suppressions, OutboxProperties config, String defaultSender,
                          TransactionTemplate transactions, PipelineSignals signals, Clock clock) {
        this(messages, batches, pricing, encoder, encoding, wire, gate, suppressions, config, defaultSender,
                transactions, signals, clock, SubmitPolicies.none());
    }

    /** @param policies what every message must pass when it would go on the wire */
    public ChunkSubmitter(SmsMessageRepository messages, BatchRepository batches, PricingProperties pricing,
                          SmsEncoder encoder, EncodingPolicy encoding, SmppWire wire, RecipientGate gate,
                          SuppressionList suppressions, OutboxProperties config, String defaultSender,
                          TransactionTemplate transactions, PipelineSignals signals, Clock clock,
                          SubmitPolicies policies) {
        this.senderRates = policies.senderRates();
        this.router = policies.router();
        this.recipients = policies.recipients();
        this.quietHours = policies.quietHours();
        this.consents = policies.consents();
        this.frequency = policies.frequency();
        this.bursts = policies.bursts();
        this.messages = messages;
        this.batches = batches;
        this.pricing = pricing;
        this.encoder = encoder;
        this.encoding = encoding;
        this.wire = wire;
        this.gate = gate;
        this.suppressions = suppressions;
        this.config = config;
        this.defaultSender = defaultSender;
        this.transactions = transactions;
        this.signals = signals;
        this.clock = clock;
    }

    /** What a chunk left for the next stages. */
    private record Result(List<String> finished, List<String> acceptedIds) {
    }

    /**
     * Submits the chunk. If anything fails before a part went on the wire, the messages go back to the queue at
     * once; after that they stay claimed until the lease runs out (some may be on the wire).
     */
    public void submit(List<ClaimedSms> chunk, String nodeId) {
        boolean[] onTheWire = {false};
        Result result;
        try {
            result = transactions.execute(tx -> submitLocked(chunk, onTheWire));
        } catch (RuntimeException e) {
            if (!onTheWire[0]) {
                messages.release(chunk.stream().map(ClaimedSms::id).toList(), nodeId, clock.instant());
                LOG.warn("Chunk of {} SMS not submitted, back in the queue: {}", chunk.size(), e.toString());
            } else {
                LOG.error("Chunk of {} SMS submitted but its results were not recorded; they are sent again when their "
                        + "lease runs out (counted as possible duplicates): {}", chunk.size(), e.toString());
            }
            throw e;
        }
        if (result != null) {
            signals.partsSubmitted(result.acceptedIds());
            signals.outcomesReady(result.finished());
        }
    }

    /** The batches' counters move with their messages, in this transaction. */
    private void countBatches(List<ClaimedSms> chunk, Map<String, List<Integer>> acceptedParts,
                              List<String> submitted, List<String> done, List<Finished> finished, Instant at) {
        Map<String, ClaimedSms> byId = new HashMap<>();
        chunk.stream().filter(m -> m.batchId() != null).forEach(m -> byId.put(m.id(), m));
        if (byId.isEmpty()) {
            return;
        }
        BatchCounters counters = new BatchCounters();
        acceptedParts.forEach((id, numbers) -> {
            ClaimedSms m = byId.get(id);
            if (m != null) {
                counters.partsAccepted(m.batchId(), numbers.size(), m.country(), pricing::perPart);
            }
        });
        for (String id : submitted) {
            ClaimedSms m = byId.get(id);
            if (m != null) {
                counters.moved(m.batchId(), MessageStatus.QUEUED, MessageStatus.SUBMITTED, false);
            }
        }
        Set<String> changed = new java.util.HashSet<>(done);
        for (Finished f : finished) {
            ClaimedSms m = byId.get(f.id());
            if (m != null && changed.contains(f.id())) {
                counters.moved(m.batchId(), MessageStatus.QUEUED, f.status(), SUPPRESSED.equals(f.errorCode()));
            }
        }
        batches.apply(counters, at);
    }

    /**
     * A failure after which the message may have reached the carrier anyway: no submit_sm_resp in time, an HTTP
     * connection lost or a provider error after the request went out. Sending again is counted as a duplicate.
     */
    private static boolean maybeSent(String code) {
        return "TIMEOUT".equals(code) || "HTTP_IO".equals(code) || "HTTP_408".equals(code)
                || (code != null && code.startsWith("HTTP_5"));
    }

    /** Waits for a carrier: back in the queue without using an attempt (nothing is wrong with the message). */
    private Retry noCarrier(ClaimedSms m, String why) {
        Instant next = clock.instant().plus(config.getInitialBackoff());
        LOG.info("SMS {} to {} waits: {}; back in the queue until {}", m.id(), PhoneNumbers.mask(m.recipient()), why,
                next);
        return new Retry(m.id(), m.attempts(), next, NO_CARRIER, why);
    }

    private Result submitLocked(List<ClaimedSms> chunk, boolean[] onTheWire) {
        Instant now = clock.instant();
        List<String> gated = chunk.stream().filter(ClaimedSms::unadmitted).map(ClaimedSms::recipient).toList();
        Map<String, Integer> nextRef = gated.isEmpty() ? new HashMap<>() : new HashMap<>(gate.lockAll(gated));
        Map<String, List<Suppression>> blocking = gated.isEmpty() ? Map.of() : suppressions.activeFor(gated);
        List<String> marketing = consents == null ? List.of() : chunk.stream()
                .filter(m -> m.unadmitted() && SmsCategories.MARKETING.equals(m.category()))
                .map(ClaimedSms::recipient).distinct().toList();
        // read under the recipients' locks: a withdrawal committed before is seen, a later one waits for the wire
        Map<String, List<ConsentRecord>> granted = marketing.isEmpty() ? Map.of() : consents.granted(marketing);
        Map<String, String> consentOf = new HashMap<>();
        List<String> marketed = !frequency.active() ? List.of() : chunk.stream()
                .filter(m -> m.unadmitted() && SmsCategories.MARKETING.equals(m.category()))
                .map(ClaimedSms::recipient).distinct().toList();
        // what these numbers received lately, read under their locks: another chunk's sends to them are committed
        FrequencyCaps.Ledger ledger = frequency.ledger(marketed.isEmpty() ? Map.of()
                : messages.marketingSentSince(marketed, now.minus(frequency.lookBack())));
        Set<String> cancelled = messages.cancelledBatches(chunk.stream().map(ClaimedSms::batchId)
                .filter(java.util.Objects::nonNull).distinct().toList());

        List<Finished> finished = new ArrayList<>();
        List<PartSubmission> parts = new ArrayList<>();
        Set<String> singlePart = new java.util.HashSet<>();
        Map<String, ClaimedSms> admitted = new LinkedHashMap<>();
        Map<String, Integer> newRefs = new HashMap<>();
        Map<String, Integer> refCounters = new HashMap<>();
        Map<String, RouteChoice> routed = new HashMap<>();
        Map<String, String> carrierOf = new HashMap<>();
        List<Retry> retries = new ArrayList<>();
        for (ClaimedSms m : chunk) {
            String sender = m.sender() != null ? m.sender() : defaultSender;
            if (m.unadmitted()) {
                if (m.batchId() != null && cancelled.contains(m.batchId())) {
                    finished.add(new Finished(m.id(), MessageStatus.CANCELLED, CANCELLED, "batch cancelled"));
                    continue;
                }
                if (!recipients.countryAllowed(m.country())) {
                    finished.add(new Finished(m.id(), MessageStatus.FAILED, BLOCKED_DESTINATION, "not sent: "
                            + m.country() + " is not an allowed destination (smsflows.recipients.allowed-countries / "
                            + "blocked-countries)"));
                    continue;
                }
                Suppression s = blocking.getOrDefault(m.recipient(), List.of()).stream()
                        .filter(x -> x.blocks(sender)).findFirst().orElse(null);
                if (s != null && !(SmsCategories.CONSENT.equals(m.category())
                        && suppressions.claimConfirmation(s.id(), m.id()))) {
                    finished.add(new Finished(m.id(), MessageStatus.FAILED, SUPPRESSED, "not sent: "
                            + PhoneNumbers.mask(m.recipient()) + " opted out (" + s.scope() + ", " + s.source() + ", "
                            + s.createdAt() + ")"));
                    continue;
                }
                if (consents != null && SmsCategories.MARKETING.equals(m.category())) {
                    ConsentRecord allowing = ConsentRecords.allowing(granted.getOrDefault(m.recipient(), List.of()),
                            sender);
                    if (allowing == null) {
                        finished.add(new Finished(m.id(), MessageStatus.FAILED, NO_CONSENT, "not sent: no marketing "
                                + "consent recorded for " + PhoneNumbers.mask(m.recipient()) + " (scope "
                                + ConsentRecords.MARKETING + " or " + ConsentRecords.marketingScope(sender)
                                + "); record it with POST /api/consents"));
                        continue;
                    }
                    consentOf.put(m.id(), allowing.id());
                }
                // the window is checked here, when it would go on the wire, not when it was queued
                Instant opening = quietHours.nextOpening(m.recipient(), m.country(), m.category(), now);
                if (opening.isAfter(now)) {
                    retries.add(new Retry(m.id(), m.attempts(), opening, DEFERRED, "outside the sending window of "
                            + m.country() + " (" + m.category() + "): deferred to " + opening));
                    continue;
                }
                if (bursts.active() && !SmsCategories.CONSENT.equals(m.category())) {
                    Instant retry = bursts.admit(m.recipient(), now);
                    if (retry != null) {
                        LOG.warn("Range {}: more than its limit of messages in a minute (smsflows.frequency."
                                + "range-per-minute); possible SMS pumping, its messages wait until {}",
                                bursts.range(m.recipient()), retry);
                        metrics.burst(m.country());
                        retries.add(new Retry(m.id(), m.attempts(), retry, PREFIX_BURST, "range "
                                + bursts.range(m.recipient()) + " over its limit per minute: waits until " + retry));
                        continue;
                    }
                }
                if (frequency.active() && SmsCategories.MARKETING.equals(m.category())) {
                    FrequencyCaps.Verdict verdict = ledger.check(m.recipient(), now);
                    if (verdict.capped()) {
                        finished.add(new Finished(m.id(), MessageStatus.FAILED, CAPPED, "not sent to "
                                + PhoneNumbers.mask(m.recipient()) + ": " + verdict.reason()));
                        continue;
                    }
                    if (!verdict.go()) {
                        retries.add(new Retry(m.id(), m.attempts(), verdict.notBefore(), MIN_GAP, verdict.reason()));
                        continue;
                    }
                }
            }
            // parts already accepted stay with their carrier: SMSCs reassemble a message per connection
            String carrier = !m.sentParts().isEmpty() && router.knows(m.carrier()) ? m.carrier() : null;
            if (carrier == null) {
                RouteChoice choice;
                try {
                    choice = router.route(new CarrierRouter.Destination(m.id(), m.recipient(), m.country(),
                            m.category(), sender), wire::isAvailable);
                } catch (NoRouteException e) {
                    finished.add(new Finished(m.id(), MessageStatus.FAILED, NO_ROUTE, e.getMessage()));
                    continue;
                }
                if (choice.available()) {
                    carrier = choice.carrier();
                    if (!choice.carrier().equals(m.carrier())) {
                        routed.put(m.id(), choice);
                    }
                } else {
                    retries.add(noCarrier(m, "every carrier of route " + choice.rule() + " is down"));
                    continue;
                }
            } else if (!wire.isAvailable(carrier)) {
                retries.add(noCarrier(m, "carrier " + carrier + ", which has its first parts, is down"));
                continue;
            }
            carrierOf.put(m.id(), carrier);
            ClaimedSms message = m;
            if (m.concatRef() == null && (m.parts() == null || m.parts() > 1)) {
                int ref = nextRef.getOrDefault(m.recipient(), 0);
                nextRef.put(m.recipient(), ref + 1);
                refCounters.put(m.recipient(), ref + 1);
                newRefs.put(m.id(), ref & 0xFFFF);
                message = m.withConcatRef(ref & 0xFFFF);
            }
            EncodedSms encoded;
            try {
                encoded = encoder.encode(message.body(), encoding.options(message.category(),
                        message.smartReplacement()), message.concatRef() == null ? 0 : message.concatRef());
            } catch (RuntimeException e) {
                // enqueue encoded it already; only a configuration change in between (e.g. lower max-parts) gets here
                finished.add(new Finished(m.id(), MessageStatus.FAILED, "ENCODING", e.getMessage()));
                continue;
            }
            // back at its reserved slot: it goes without reserving another
            Duration wait = SENDER_RATE.equals(m.errorCode()) ? Duration.ZERO
                    : senderRates.take(sender, encoded.partCount());
            if (!wait.isZero()) {
                Instant next = clock.instant().plus(wait);
                retries.add(new Retry(m.id(), m.attempts(), next, SENDER_RATE, "sender " + sender + " is at its cap "
                        + "(smsflows.senders.caps): waits until " + next));
                continue;
            }
            admitted.put(m.id(), message);
            if (wire.takesWholeMessages(carrier)) {
                // the provider splits it and answers with one id: that id goes on the message
                singlePart.add(m.id());
                parts.add(PartSubmission.wholeMessage(m.id(), sender, m.recipient(), m.body(), encoded.partCount(),
                        carrier));
                continue;
            }
            if (encoded.partCount() == 1) {
                singlePart.add(m.id()); // one row for its whole life: its SMSC id goes on the message
            }
            for (WirePart part : encoded.parts()) {
                if (!m.sentParts().contains(part.number())) {
                    parts.add(new PartSubmission(m.id(), sender, m.recipient(), part, carrier));
                }
            }
        }
        if (!refCounters.isEmpty()) {
            gate.setNextReferences(refCounters);
            messages.setConcatRefs(newRefs);
        }
        if (!consentOf.isEmpty()) {
            messages.setConsents(consentOf);
        }

        onTheWire[0] = !parts.isEmpty();
        List<SubmitResult> answers = wire.submit(parts);
        Instant answeredAt = clock.instant();

        Map<String, List<Integer>> resent = new HashMap<>();
        Map<String, SubmitFailure> permanent = new HashMap<>();
        Map<String, SubmitFailure> temporary = new HashMap<>();
        Map<String, String> singleIds = new HashMap<>();
        List<PartResult> recorded = new ArrayList<>();
        List<String> acceptedIds = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            PartSubmission p = parts.get(i);
            SubmitResult answer = answers.get(i);
            boolean single = singlePart.contains(p.messageId());
            if (answer.isAccepted()) {
                // an HTTP provider's id names its carrier already; an SMSC's is scoped to its carrier here
                String id = p.isWholeMessage() ? SmscMessageIds.normalise(answer.smscMessageId())
                        : SmscMessageIds.scoped(p.carrier(), answer.smscMessageId());
                if (single) {
                    singleIds.put(p.messageId(), id);
                } else {
                    recorded.add(new PartResult(p.messageId(), p.part().number(), id, null, answeredAt));
                }
                acceptedIds.add(id);
                List<Integer> accepted = resent.computeIfAbsent(p.messageId(), k -> new ArrayList<>());
                if (p.isWholeMessage()) {
                    for (int n = 1; n <= p.messageParts(); n++) {
                        accepted.add(n); // all its parts count (prices, batch counters)
                    }
                } else {
                    accepted.add(p.part().number());
                }
            } else if (answer.failure().isTransient()) {
                temporary.putIfAbsent(p.messageId(), answer.failure());
            } else {
                if (!single) {
                    recorded.add(new PartResult(p.messageId(), p.part().number(), null, answer.failure().code(),
                            answeredAt));
                }
                permanent.putIfAbsent(p.messageId(), answer.failure());
            }
        }
        messages.recordParts(recorded);

        Map<String, SmsMessageRepository.Submitted> submitted = new LinkedHashMap<>();
        for (ClaimedSms m : admitted.values()) {
            SubmitFailure refused = permanent.get(m.id());
            SubmitFailure busy = temporary.get(m.id());
            if (refused != null) {
                finished.add(new Finished(m.id(), MessageStatus.FAILED, refused.code(), refused.getMessage()));
                LOG.warn("SMS {} to {} refused: {}", m.id(), PhoneNumbers.mask(m.recipient()), refused.getMessage());
            } else if (busy != null && SmppErrors.isThrottlingCode(busy.code())) {
                // still throttled after the bind's resends: back in the queue, the attempt not counted (the SMSC
                // asked us to wait, nothing is wrong with the message)
                Instant next = answeredAt.plus(config.getInitialBackoff());
                retries.add(new Retry(m.id(), m.attempts(), next, busy.code(), busy.getMessage()));
                LOG.info("SMS {} to {}: the SMSC keeps throttling, back in the queue until {}", m.id(),
                        PhoneNumbers.mask(m.recipient()), next);
            } else if (busy != null) {
                int attempts = m.attempts() + 1;
                if (attempts >= config.getMaxAttempts()) {
                    finished.add(new Finished(m.id(), MessageStatus.FAILED, busy.code(),
                            "gave up after " + attempts + " attempts: " + busy.getMessage()));
                } else {
                    Instant next = answeredAt.plus(Clocks.backoff(attempts, config.getInitialBackoff(),
                            config.getMaxBackoff()));
                    // no answer within the transaction timer: the part may have reached the SMSC
                    retries.add(new Retry(m.id(), attempts, next, busy.code(), busy.getMessage(),
                            maybeSent(busy.code())));
                    LOG.warn("SMS {} to {}: attempt {} failed ({}), retrying at {}", m.id(),
                            PhoneNumbers.mask(m.recipient()), attempts, busy.getMessage(), next);
                }
            } else {
                submitted.put(m.id(), new SmsMessageRepository.Submitted(
                        m.recovered() ? resent.getOrDefault(m.id(), List.of()).size() : 0, singleIds.get(m.id()),
                        routed.remove(m.id())));
            }
        }
        List<String> nowSubmitted = messages.markSubmitted(submitted, answeredAt);
        if (!routed.isEmpty()) {
            // the route of those not submitted (refused, waiting, partly sent: their missing parts follow it);
            // the submitted ones got theirs with markSubmitted, one statement fewer per message
            messages.setRoutes(routed);
        }
        messages.requeue(retries);
        List<String> done = messages.finish(finished, answeredAt);
        countBatches(chunk, resent, nowSubmitted, done, finished, answeredAt);
        Set<String> waited = chunk.stream().filter(ClaimedSms::waited).map(ClaimedSms::id)
                .collect(java.util.stream.Collectors.toSet());
        LOG.debug("Chunk of {}: {} part(s) on the wire at {}, {} submitted, {} retried, {} finished", chunk.size(),
                parts.size(), now, submitted.size(), retries.size(), finished.size());
        return new Result(done.stream().filter(waited::contains).toList(), acceptedIds);
    }
}
