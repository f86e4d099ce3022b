package io.smsflows.sms.inbound;

import io.smsflows.sms.number.PhoneNumbers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores every inbound message before the network gets its acknowledgement, and nothing else: decoding problems
 * and redeliveries are recorded on the row (UNDECODABLE, DUPLICATE) rather than refused, so nothing is lost and
 * the SMSC stops redelivering.
 *
 * <p>A redelivery is the same PDU again: same sender, recipient, data coding, octets (the UDH with its
 * concatenation reference and part number included) and optional parameters (a provider's message id among them),
 * within {@code duplicateWindow}. A plain SMPP MO carries no id of its own, so two "YES" from one handset look alike:
 * the second is a new message when a question of another journey was put to the number after the first arrived
 * (the customer answers that new question). Questions of the journey the first copy answered do not count: the first
 * copy caused them (R, then the slot offer), and a redelivery must not answer them. A provider's id is
 * authoritative: the same id is a redelivery whatever was asked since. Processing happens later, off the SMPP thread ({@link io.smsflows.sms.reply.ReplyProcessor}).
 */
public class InboundStore {

    private static final Logger LOG = LoggerFactory.getLogger(InboundStore.class);

    private final InboundMessageRepository repository;
    private final MoDecoding decoding;
    private final Duration duplicateWindow;
    private final Runnable wake;
    private final Clock clock;
    private final NewQuestions questions;

    /** Questions put to a number since an instant by another journey than the one a conversation belongs to. */
    @FunctionalInterface
    public interface NewQuestions {
        /**
         * @param answeredConversationId the conversation the earlier copy answered; null if none (or not yet
         *                               processed): then any question since counts
         */
        boolean otherJourneyAskedSince(String recipient, Instant after, String answeredConversationId);
    }

    public InboundStore(InboundMessageRepository repository, MoDecoding decoding, Duration duplicateWindow,
                        Runnable wake, Clock clock, NewQuestions questions) {
        this.questions = questions;
        this.repository = repository;
        this.decoding = decoding;
        this.duplicateWindow = duplicateWindow;
        this.wake = wake;
        this.clock = clock;
    }

    /** Stores one MO; returns its row id. Throws only if the database fails (then the SMSC must redeliver). */
    public String store(RawMo mo) {
        Instant now = clock.instant();
        String from = PhoneNumbers.fromSmpp(mo.from());
        String fingerprint = fingerprint(mo);
        MoDecoding.Decoded decoded = decoding.decode(mo);
        String status;
        String reason = decoded.reason();
        if (isRedelivery(mo, from, fingerprint, now)) {
            status = "DUPLICATE";
            reason = "the same message was received within " + duplicateWindow + ": a redelivery, processed once";
        } else if (decoded.text() == null) {
            status = "UNDECODABLE";
        } else {
            status = "NEW";
        }
        String id = UUID.randomUUID().toString();
        boolean part = decoded.concatTotal() != null && decoded.concatTotal() > 1;
        repository.insert(new InboundMessage(id, from, mo.to(), decoded.text(), mo.dataCoding(),
                part ? InboundMessage.PART : InboundMessage.MESSAGE, status, reason,
                part ? decoded.concatRef() : null, part ? decoded.concatTotal() : null,
                part ? decoded.concatSeq() : null, now, 0), HexFormat.of().formatHex(mo.shortMessage()), fingerprint);
        LOG.info("Inbound SMS {} from {} to {} stored ({}{})", id, PhoneNumbers.mask(from), mo.to(), status,
                part ? ", part " + decoded.concatSeq() + "/" + decoded.concatTotal() : "");
        if ("NEW".equals(status)) {
            wake.run();
        }
        return id;
    }

    private boolean isRedelivery(RawMo mo, String from, String fingerprint, Instant now) {
        Optional<InboundMessageRepository.EarlierCopy> last = repository.lastSeenSince(fingerprint,
                now.minus(duplicateWindow));
        if (last.isEmpty()) {
            return false;
        }
        boolean identified = mo.tlvs().containsKey(PROVIDER_MESSAGE_ID);
        return identified || !questions.otherJourneyAskedSince(from, last.get().receivedAt(),
                last.get().conversationId());
    }

    /** Optional parameter under which HTTP providers' webhooks hand over their message id. */
    public static final short PROVIDER_MESSAGE_ID = 0x1401;

    private static String fingerprint(RawMo mo) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((mo.from() + "|" + mo.to() + "|" + mo.dataCoding() + "|" + mo.esmClass() + "|")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(mo.shortMessage());
            new TreeMap<>(mo.tlvs()).forEach((tag, value) -> {
                digest.update(("|" + tag + "=").getBytes(StandardCharsets.UTF_8));
                digest.update(value);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
