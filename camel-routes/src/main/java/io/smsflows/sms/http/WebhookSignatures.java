package io.smsflows.sms.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures of a provider's webhooks: an HMAC of {@code timestamp + "." + body} with the shared secret, hex in the
 * signature header (optionally "v1=" or "sha256=" before it), the Unix time in seconds in the timestamp header. The
 * timestamp is signed too, so an old request cannot be replayed with a fresh one. Plain Java.
 */
public final class WebhookSignatures {

    /** Why a request is refused; UNSIGNED is a 401, the others 403. */
    public enum Verdict { VALID, UNSIGNED, WRONG_SIGNATURE, STALE }

    private final byte[] secret;
    private final String algorithm;
    private final Duration tolerance;

    /**
     * @param algorithm a JCA Mac name: HmacSHA256 (default), HmacSHA512, HmacSHA1
     * @param tolerance how far the timestamp may be from now, either way
     */
    public WebhookSignatures(String secret, String algorithm, Duration tolerance) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.algorithm = algorithm;
        this.tolerance = tolerance;
        mac(); // an unknown algorithm fails at start, not on the first request
    }

    public Verdict verify(String signature, String timestamp, byte[] body, Instant now) {
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            return Verdict.UNSIGNED;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verdict.WRONG_SIGNATURE;
        }
        byte[] given;
        try {
            String hex = signature.trim();
            int eq = hex.indexOf('=');
            given = HexFormat.of().parseHex(eq >= 0 ? hex.substring(eq + 1) : hex);
        } catch (IllegalArgumentException e) {
            return Verdict.WRONG_SIGNATURE;
        }
        // constant time: the comparison must not tell an attacker how much of the signature was right
        if (!MessageDigest.isEqual(given, sign(timestamp.trim(), body))) {
            return Verdict.WRONG_SIGNATURE;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
            return Verdict.STALE;
        }
        return Verdict.VALID;
    }

    /** The signature of a body sent at {@code timestamp} (Unix seconds), hex. */
    public String signHex(String timestamp, byte[] body) {
        return HexFormat.of().formatHex(sign(timestamp, body));
    }

    private byte[] sign(String timestamp, byte[] body) {
        Mac mac = mac();
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return mac.doFinal(body);
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("webhook algorithm '" + algorithm + "' is not available: use "
                    + "HmacSHA256, HmacSHA512 or HmacSHA1", e);
        }
    }
}
