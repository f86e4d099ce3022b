package io.smsflows.sms.smpp;

import io.smsflows.sms.codec.ConcatReferences;
import io.smsflows.sms.codec.EncodedSms;
import io.smsflows.sms.codec.SmsEncoder;
import io.smsflows.sms.codec.WirePart;
import io.smsflows.sms.config.SmsFlowsProperties;
import io.smsflows.sms.consent.RecipientGate;
import io.smsflows.sms.consent.Suppression;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.outbox.MessageStatus;
import io.smsflows.sms.outbox.SmsMessage;
import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.outbox.SmsPart;
import io.smsflows.sms.receipt.ReceiptProcessor;
import io.smsflows.sms.receipt.SmscMessageIds;
import io.smsflows.sms.support.Clocks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits one claimed message: encodes it with its stored concatenation reference, submits every part that has
 * no SMSC id yet, and records each id as soon as it comes back (each in its own short transaction), so a crash
 * re-sends only the parts the SMSC never confirmed.
 *
 * <p>It is the last gate before the wire: each part is submitted holding the recipient's lock
 * ({@link RecipientGate}) after checking the suppression list, so nothing reaches a number after its opt-out was
 * stored, except the one confirmation of that opt-out (category {@value #CONSENT_CATEGORY}).
 */
public class SmsSubmitter {

    /** Category of consent confirmations; the only one allowed through (once) after an opt-out. */
    public static final String CONSENT_CATEGORY = io.smsflows.sms.outbox.OutboundSms.CONSENT;
    /** error_code of a message stopped because its recipient opted out. */
    public static final String SUPPRESSED = "SUPPRESSED";

    private static final Logger LOG = LoggerFactory.getLogger(SmsSubmitter.class);

    private final SmsMessageRepository messages;
    private final SmsEncoder encoder;
    private final ConcatReferences references;
    private final SmppWire wire;
    private final ReceiptProcessor receipts;
    private final SmsFlowsProperties properties;
    private final Runnable outcomeWake;
    private final Clock clock;
    private final RecipientGate gate;
    private final SuppressionList suppressions;

    public SmsSubmitter(SmsMessageRepository messages, SmsEncoder encoder, ConcatReferences references, SmppWire wire,
                        ReceiptProcessor receipts, SmsFlowsProperties properties, Runnable outcomeWake, Clock clock,
                        RecipientGate gate, SuppressionList suppressions) {
        this.gate = gate;
        this.suppressions = suppressions;
        this.messages = messages;
        this.encoder = encoder;
        this.references = references;
        this.wire = wire;
        this.receipts = receipts;
        this.properties = properties;
        this.outcomeWake = outcomeWake;
        this.clock = clock;
    }

    public void submit(String messageId) {
        SmsMessage m = messages.findById(messageId).orElse(null);
        if (m == null || m.status() != MessageStatus.SENDING) {
            return; // taken over or finished elsewhere
        }
        boolean single = m.parts() != null && m.parts() == 1;
        // a single part carries no reference: no need to count one (a database round trip per message)
        int ref = m.concatRef() != null ? m.concatRef() : single ? 0 : references.next(m.recipient());
        if (m.concatRef() == null && !single) {
            messages.setConcatRef(m.id(), ref);
            ref = messages.findById(m.id()).map(SmsMessage::concatRef).orElse(ref);
        }
        EncodedSms encoded;
        try {
            encoded = encoder.encode(m.body(),
                    properties.encodingOptions(m.category(), messages.smartReplacement(m.id())), ref);
        } catch (RuntimeException e) {
            // enqueue already encoded it; only a configuration change in between (e.g. lower max-parts) gets here
            failed(m, "ENCODING", e.getMessage());
            return;
        }
        List<SmsPart> parts = messages.parts(m.id());
        if (parts.isEmpty()) {
            messages.insertParts(m.id(), encoded.partCount());
            parts = messages.parts(m.id());
        }
        String sender = m.sender() != null ? m.sender() : properties.getSmpp().getDefaultSender();
        // the opt-out check admits a whole message, at its first part: a message never goes out half
        boolean admitted = parts.stream().anyMatch(p -> p.smscMessageId() != null);
        for (WirePart part : encoded.parts()) {
            SmsPart row = parts.get(part.number() - 1);
            if (row.smscMessageId() != null || row.status().isFinal()) {
                continue;
            }
            Submitted submitted;
            try {
                submitted = admitted ? submit(m, sender, part)
                        : gate.locked(m.recipient(), () -> submitIfAllowed(m, sender, part));
            } catch (FailedSubmit f) {
                if (f.failure.isTransient()) {
                    retry(m, f.failure);
                } else {
                    messages.partRefused(m.id(), part.number(), f.failure.code(), clock.instant());
                    failed(m, f.failure.code(), f.failure.getMessage());
                }
                return;
            }
            if (submitted.suppression != null) {
                failed(m, SUPPRESSED, "not sent: " + PhoneNumbers.mask(m.recipient()) + " opted out ("
                        + submitted.suppression.scope() + ", " + submitted.suppression.source() + ", "
                        + submitted.suppression.createdAt() + ")");
                return;
            }
            admitted = true;
            String normalised = submitted.smscId;
            receipts.partSubmitted(normalised);
        }
        MessageStatus status = messages.refresh(m.id(), clock.instant());
        LOG.debug("SMS {} to {}: {} part(s) submitted, now {}", m.id(), PhoneNumbers.mask(m.recipient()),
                encoded.partCount(), status);
        if (status != null && status.isFinal()) {
            outcomeWake.run();
        }
    }

    /** Runs holding the recipient's lock: check the suppression list, then submit and record the id. */
    private Submitted submitIfAllowed(SmsMessage m, String sender, WirePart part) {
        Optional<Suppression> blocking = suppressions.blocking(m.recipient(), sender);
        if (blocking.isPresent() && !(CONSENT_CATEGORY.equals(m.category())
                && suppressions.claimConfirmation(blocking.get().id(), m.id()))) {
            return new Submitted(null, blocking.get());
        }
        return submit(m, sender, part);
    }

    private Submitted submit(SmsMessage m, String sender, WirePart part) {
        String smscId;
        try {
            smscId = wire.submit(sender, m.recipient(), part);
        } catch (SubmitFailure f) {
            throw new FailedSubmit(f);
        }
        String normalised = SmscMessageIds.normalise(smscId);
        messages.partSubmitted(m.id(), part.number(), normalised, clock.instant());
        return new Submitted(normalised, null);
    }

    private record Submitted(String smscId, Suppression suppression) {
    }

    /** Carries the checked SubmitFailure out of the locked transaction (which it rolls back). */
    private static final class FailedSubmit extends RuntimeException {
        private final SubmitFailure failure;

        FailedSubmit(SubmitFailure failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    private void retry(SmsMessage m, SubmitFailure f) {
        int attempts = m.attempts() + 1;
        SmsFlowsProperties.Outbox config = properties.getOutbox();
        if (attempts >= config.getMaxAttempts()) {
            failed(m, f.code(), "gave up after " + attempts + " attempts: " + f.getMessage());
            return;
        }
        Instant next = clock.instant().plus(Clocks.backoff(attempts, config.getInitialBackoff(), config.getMaxBackoff()));
        messages.requeue(m.id(), attempts, next, f.code(), f.getMessage());
        LOG.warn("SMS {} to {}: attempt {} failed ({}), retrying at {}", m.id(), PhoneNumbers.mask(m.recipient()),
                attempts, f.getMessage(), next);
    }

    private void failed(SmsMessage m, String code, String text) {
        if (messages.fail(m.id(), MessageStatus.FAILED, code, text, clock.instant())) {
            LOG.warn("SMS {} to {} failed: {}", m.id(), PhoneNumbers.mask(m.recipient()), text);
            outcomeWake.run();
        }
    }
}
