package io.smsflows.sms.smpp;

import io.smsflows.sms.codec.ConcatReferences;
import io.smsflows.sms.codec.EncodedSms;
import io.smsflows.sms.codec.SmsEncoder;
import io.smsflows.sms.codec.WirePart;
import io.smsflows.sms.config.SmsFlowsProperties;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits one claimed message: encodes it with its stored concatenation reference, submits every part that has
 * no SMSC id yet, and records each id as soon as it comes back (each in its own short transaction), so a crash
 * re-sends only the parts the SMSC never confirmed.
 */
public class SmsSubmitter {

    private static final Logger LOG = LoggerFactory.getLogger(SmsSubmitter.class);

    private final SmsMessageRepository messages;
    private final SmsEncoder encoder;
    private final ConcatReferences references;
    private final SmppWire wire;
    private final ReceiptProcessor receipts;
    private final SmsFlowsProperties properties;
    private final Runnable outcomeWake;
    private final Clock clock;

    public SmsSubmitter(SmsMessageRepository messages, SmsEncoder encoder, ConcatReferences references, SmppWire wire,
                        ReceiptProcessor receipts, SmsFlowsProperties properties, Runnable outcomeWake, Clock clock) {
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
        int ref = m.concatRef() != null ? m.concatRef() : references.next(m.recipient());
        if (m.concatRef() == null) {
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
        for (WirePart part : encoded.parts()) {
            SmsPart row = parts.get(part.number() - 1);
            if (row.smscMessageId() != null || row.status().isFinal()) {
                continue;
            }
            String smscId;
            try {
                smscId = wire.submit(sender, m.recipient(), part);
            } catch (SubmitFailure f) {
                if (f.isTransient()) {
                    retry(m, f);
                } else {
                    messages.partRefused(m.id(), part.number(), f.code(), clock.instant());
                    failed(m, f.code(), f.getMessage());
                }
                return;
            }
            String normalised = SmscMessageIds.normalise(smscId);
            messages.partSubmitted(m.id(), part.number(), normalised, clock.instant());
            receipts.partSubmitted(normalised);
        }
        MessageStatus status = messages.refresh(m.id(), clock.instant());
        LOG.debug("SMS {} to {}: {} part(s) submitted, now {}", m.id(), PhoneNumbers.mask(m.recipient()),
                encoded.partCount(), status);
        if (status != null && status.isFinal()) {
            outcomeWake.run();
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
