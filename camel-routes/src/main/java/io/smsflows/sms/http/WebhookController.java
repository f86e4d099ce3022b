package io.smsflows.sms.http;

import io.smsflows.sms.http.HttpProviderRoutes.HttpCarrier;
import io.smsflows.sms.inbound.InboundStore;
import io.smsflows.sms.inbound.RawMo;
import io.smsflows.sms.receipt.DeliveryReceipt;
import io.smsflows.sms.receipt.ReceiptState;
import io.smsflows.sms.receipt.ReceiptStore;
import io.smsflows.sms.receipt.SmscMessageIds;
import io.smsflows.sms.security.SignedRequests;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhooks of HTTP providers: {@code POST /api/sms/webhooks/{carrier}/status} (delivery status) and
 * {@code /inbound} (a customer's message). Callers are providers, not users: each request must carry the carrier's
 * HMAC signature and a fresh timestamp. Unsigned: 401; wrongly signed or stale: 403; nothing is stored then. A
 * request processed before (the same signature) is answered 200 and stores nothing again, since providers retry for
 * hours. A status becomes a delivery receipt and an inbound message an MO, exactly as if they came over SMPP.
 */
@RestController
@RequestMapping(WebhookController.PATH)
@SignedRequests
public class WebhookController {

    public static final String PATH = "/api/sms/webhooks";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);
    /** A vendor-specific TLV tag that carries the provider's message id into the MO's fingerprint. */
    private static final short PROVIDER_ID_TAG = io.smsflows.sms.inbound.InboundStore.PROVIDER_MESSAGE_ID;

    private final HttpProviderRoutes providers;
    private final Map<String, WebhookSignatures> signatures;
    private final WebhookEvents events;
    private final ReceiptStore receipts;
    private final InboundStore inbound;
    private final Clock clock;

    public WebhookController(HttpProviderRoutes providers, WebhookEvents events, ReceiptStore receipts,
                             InboundStore inbound, Clock clock) {
        this.providers = providers;
        this.events = events;
        this.receipts = receipts;
        this.inbound = inbound;
        this.clock = clock;
        this.signatures = new java.util.HashMap<>();
        providers.carriers().forEach((name, carrier) -> signatures.put(name, new WebhookSignatures(
                carrier.config().getWebhook().getSecret(), carrier.config().getWebhook().getAlgorithm(),
                carrier.config().getWebhook().getTolerance())));
    }

    @PostMapping("/{carrier}/status")
    public ResponseEntity<?> status(@PathVariable String carrier, HttpServletRequest request) throws IOException {
        byte[] body = raw(request);
        return handle(carrier, "status", body, request, (provider, bytes) -> {
            ProviderApi.Status status = provider.api().status(request.getContentType(), bytes);
            ReceiptState state = ProviderApi.state(status.status());
            String id = io.smsflows.sms.receipt.SmscMessageIds.scoped(carrier, status.messageId());
            receipts.store(new DeliveryReceipt(SmscMessageIds.normalise(id), id, state, status.errorCode(), null,
                    clock.instant(), null, null, "status=" + status.status()
                    + (status.errorCode() == null ? "" : " error=" + status.errorCode())));
            return Map.of("stored", "status", "state", state.name());
        });
    }

    @PostMapping("/{carrier}/inbound")
    public ResponseEntity<?> inbound(@PathVariable String carrier, HttpServletRequest request) throws IOException {
        byte[] body = raw(request);
        return handle(carrier, "inbound", body, request, (provider, bytes) -> {
            ProviderApi.Inbound mo = provider.api().inbound(request.getContentType(), bytes);
            String id = inbound.store(new RawMo(mo.from(), mo.to(), 0x08, 0,
                    mo.text().getBytes(StandardCharsets.UTF_16BE),
                    Map.of(PROVIDER_ID_TAG, mo.messageId().getBytes(StandardCharsets.UTF_8))));
            return Map.of("stored", "inbound", "id", id);
        });
    }

    /**
     * The body exactly as the provider signed it. Not through Spring's converters: for a form POST they rebuild the
     * body from the parsed parameters, with their own encoding, and the signature would not match.
     */
    private byte[] raw(HttpServletRequest request) throws IOException {
        return request.getInputStream().readAllBytes();
    }

    private interface Store {
        Map<String, String> apply(HttpCarrier provider, byte[] body);
    }

    private ResponseEntity<?> handle(String carrier, String kind, byte[] body, HttpServletRequest request,
                                     Store store) {
        HttpCarrier provider = providers.carrier(carrier);
        WebhookSignatures verifier = signatures.get(carrier);
        if (provider == null || verifier == null) {
            return problem(HttpStatus.NOT_FOUND, "Unknown carrier", "'" + carrier + "' is not an HTTP provider "
                    + "configured under smsflows.carriers; the URL is /api/sms/webhooks/{carrier}/" + kind);
        }
        byte[] bytes = body == null ? new byte[0] : body;
        var webhook = provider.config().getWebhook();
        String signature = request.getHeader(webhook.getSignatureHeader());
        Instant now = clock.instant();
        switch (verifier.verify(signature, request.getHeader(webhook.getTimestampHeader()), bytes, now)) {
            case UNSIGNED -> {
                LOG.warn("Unsigned {} webhook for {} refused", kind, carrier);
                return problem(HttpStatus.UNAUTHORIZED, "Signature required", "sign the request: "
                        + webhook.getSignatureHeader() + " = hex " + webhook.getAlgorithm() + " of \"timestamp.body\""
                        + " with the carrier's secret, " + webhook.getTimestampHeader() + " = Unix seconds");
            }
            case WRONG_SIGNATURE -> {
                LOG.warn("Wrongly signed {} webhook for {} refused", kind, carrier);
                return problem(HttpStatus.FORBIDDEN, "Wrong signature", "the signature does not match the body and "
                        + "timestamp under the carrier's secret (smsflows.carriers." + carrier + ".webhook.secret)");
            }
            case STALE -> {
                LOG.warn("Stale {} webhook for {} refused", kind, carrier);
                return problem(HttpStatus.FORBIDDEN, "Stale request", "the timestamp is more than "
                        + webhook.getTolerance() + " away from now: sign each delivery with the current time");
            }
            case VALID -> { }
        }
        String key = normalised(signature);
        if (events.seen(carrier, key)) {
            return ResponseEntity.ok(Map.of("duplicate", true));
        }
        Map<String, String> stored;
        try {
            stored = store.apply(provider, bytes);
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "Not a " + kind + " callback", e.getMessage());
        }
        events.remember(carrier, key, kind, now);
        return ResponseEntity.ok(stored);
    }

    private static String normalised(String signature) {
        String s = signature.trim().toLowerCase(Locale.ROOT);
        int eq = s.indexOf('=');
        return eq >= 0 ? s.substring(eq + 1) : s;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
