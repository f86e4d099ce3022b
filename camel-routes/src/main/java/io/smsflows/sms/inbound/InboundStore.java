package io.smsflows.sms.inbound;

import io.smsflows.sms.number.PhoneNumbers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores every inbound message before the network gets its acknowledgement, and nothing else: decoding problems
 * and redeliveries are recorded on the row (UNDECODABLE, DUPLICATE) rather than refused, so nothing is lost and
 * the SMSC stops redelivering. Processing happens later, off the SMPP thread ({@link io.smsflows.sms.reply.ReplyProcessor}).
 */
public class InboundStore {

    private static final Logger LOG = LoggerFactory.getLogger(InboundStore.class);

    private final InboundMessageRepository repository;
    private final MoDecoding decoding;
    private final Duration duplicateWindow;
    private final Runnable wake;
    private final Clock clock;

    public InboundStore(InboundMessageRepository repository, MoDecoding decoding, Duration duplicateWindow,
                        Runnable wake, Clock clock) {
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
        if (repository.seenSince(fingerprint, now.minus(duplicateWindow))) {
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
