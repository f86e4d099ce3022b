package io.smsflows.sms.outbox;

import io.smsflows.sms.link.ShortLinks;
import java.util.List;
import io.smsflows.sms.codec.EncodedSms;
import io.smsflows.sms.codec.SmsEncoder;
import io.smsflows.sms.config.EncodingPolicy;
import io.smsflows.sms.consent.RecipientSuppressedException;
import io.smsflows.sms.consent.Suppression;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.number.RecipientPolicy;
import io.smsflows.sms.number.SenderPolicy;
import io.smsflows.sms.support.AfterCommit;
import io.smsflows.sms.support.PipelineSignals;
import io.smsflows.sms.support.TimeOrderedIds;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry to sending: validates and prices a message, then writes it to sms_message in the caller's transaction.
 * Nothing touches the SMSC here; the dispatcher is woken when (and only if) that transaction commits, so a
 * rollback sends nothing.
 *
 * <p>Idempotency: the key identifies one message. Enqueuing a known key returns the message already queued and
 * queues nothing. The engine integration uses process instance id + activity instance id: a retried job (same
 * activity instance, its first attempt rolled back) writes the row once; a loop back to the same task (a new
 * activity instance) is a new message, as the model asked.
 */
public class SmsOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(SmsOutbox.class);

    private final RecipientPolicy recipients;
    private final SenderPolicy senders;
    private final SmsMessageRepository repository;
    private final SmsEncoder encoder;
    private final EncodingPolicy encoding;
    private final String defaultSender;
    private final Clock clock;
    private final SuppressionList suppressions;
    private final PipelineSignals signals;

    public SmsOutbox(SmsMessageRepository repository, SmsEncoder encoder, EncodingPolicy encoding,
                     String defaultSender, Clock clock, SuppressionList suppressions, PipelineSignals signals) {
        this(repository, encoder, encoding, defaultSender, clock, suppressions, signals, RecipientPolicy.ANY,
                SenderPolicy.ANY);
    }

    /**
     * @param recipients which numbers may get an SMS at all (checked before anything is queued)
     * @param senders    which sender the recipient's country takes (a number instead of a name in the US...)
     */
    public SmsOutbox(SmsMessageRepository repository, SmsEncoder encoder, EncodingPolicy encoding,
                     String defaultSender, Clock clock, SuppressionList suppressions, PipelineSignals signals,
                     RecipientPolicy recipients, SenderPolicy senders) {
        this.recipients = recipients;
        this.senders = senders;
        this.signals = signals;
        this.suppressions = suppressions;
        this.repository = repository;
        this.encoder = encoder;
        this.encoding = encoding;
        this.defaultSender = defaultSender;
        this.clock = clock;
    }


    /**
     * @throws io.smsflows.sms.number.InvalidPhoneNumberException if the recipient is not a phone number
     * @throws io.smsflows.sms.codec.SmsTooLongException if the text needs more parts than the category allows
     * @throws RecipientSuppressedException if the recipient opted out (checked again right before the wire)
     * @throws IllegalArgumentException for missing text or an unknown category
     */
    private volatile ShortLinks links;

    /** Short links for {{link:...}} in texts; without them such a text is refused. */
    public void setShortLinks(ShortLinks links) {
        this.links = links;
    }

    public EnqueuedSms enqueue(OutboundSms sms) {
        if (sms.idempotencyKey() == null || sms.idempotencyKey().isBlank()) {
            throw new IllegalArgumentException("idempotency key is required: it is what prevents sending twice");
        }
        Optional<SmsMessage> known = repository.findByIdempotencyKey(sms.idempotencyKey());
        if (known.isPresent()) {
            SmsMessage m = known.get();
            LOG.debug("SMS {} already queued for key {}: not queued again", m.id(), sms.idempotencyKey());
            return new EnqueuedSms(m.id(), m.recipient(), m.parts() == null ? 0 : m.parts(), m.encoding(), true);
        }
        if (sms.text() == null || sms.text().isEmpty()) {
            throw new IllegalArgumentException("text is missing: an SMS needs at least one character");
        }
        String category = encoding.category(sms.category());
        PhoneNumbers.Parsed number = PhoneNumbers.parse(sms.recipient(), null);
        recipients.check(number);
        String recipient = number.e164();
        String given = sms.sender() == null || sms.sender().isBlank() ? defaultSender : sms.sender().trim();
        String resolved = senders.resolve(given, number.region(), false);
        String storedSender = resolved.equals(given) ? blankToNull(sms.sender()) : resolved;
        if (suppressions != null && !OutboundSms.CONSENT.equals(category)) {
            Optional<Suppression> blocking = suppressions.blocking(recipient, resolved);
            if (blocking.isPresent()) {
                throw new RecipientSuppressedException(blocking.get());
            }
        }
        // Encoding now tells the caller the parts and refuses a too-long text before anything is queued.
        String id = TimeOrderedIds.next();
        String text = sms.text();
        List<ShortLinks.NewLink> newLinks = List.of();
        if (ShortLinks.hasLinks(text)) {
            if (links == null) {
                throw new IllegalArgumentException("the text has a {{link:...}} but short links are not configured");
            }
            ShortLinks.Shortened shortened = links.shorten(text, id, null, recipient);
            text = shortened.text(); // counted at its real length
            newLinks = shortened.links();
        }
        EncodedSms encoded = encoder.encode(text, encoding.options(category, sms.smartReplacement()), 0);

        SmsMessage row = new SmsMessage(id, sms.idempotencyKey(), sms.processInstanceId(), sms.businessKey(),
                sms.activityId(), orDefault(sms.deliveredMessage(), OutboundSms.DEFAULT_DELIVERED_MESSAGE),
                orDefault(sms.failedMessage(), OutboundSms.DEFAULT_FAILED_MESSAGE), recipient,
                storedSender, text, category, encoded.alphabet().name(), encoded.segments(),
                MessageStatus.QUEUED, 0, null, null, null, clock.instant(), null, null, 0, null,
                number.region(), 0, null, null);
        // "none" as the delivered message: the model does not wait for the outcome (confirmations, nudges)
        boolean notify = sms.processInstanceId() != null && !OutboundSms.NO_OUTCOME.equalsIgnoreCase(sms.deliveredMessage());
        repository.insert(row, sms.smartReplacement(), notify);
        if (!newLinks.isEmpty()) {
            links.insert(newLinks); // in the caller's transaction, with the message
        }
        AfterCommit.run(() -> signals.outboxReady());
        LOG.info("SMS {} queued to {} ({} part(s), {}, {})", id, PhoneNumbers.mask(recipient), encoded.segments(),
                encoded.alphabet(), category);
        return new EnqueuedSms(id, recipient, encoded.segments(), encoded.alphabet().name(), false);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
