package io.smsflows.sms.consent;

import java.time.Instant;

/**
 * An active opt-out: {@code recipient} must not receive messages in {@code scope} (GLOBAL, or one sender/brand).
 *
 * @param proof                 the original message or request, as evidence
 * @param confirmationMessageId the one confirmation message allowed through after the opt-out, once sent
 */
public record Suppression(String id, String recipient, String scope, ConsentSource source, String reason,
                          String proof, String createdBy, Instant createdAt, String confirmationMessageId) {

    public static final String GLOBAL = "GLOBAL";

    /** Whether this suppression blocks a message from {@code sender}. */
    public boolean blocks(String sender) {
        return GLOBAL.equals(scope) || scope.equals(ConsentScopes.senderKey(sender));
    }
}
