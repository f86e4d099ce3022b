package io.smsflows.sms.consent;

import java.time.Instant;

/**
 * The current consent of a number for a scope: {@code marketing} (every sender) or {@code marketing:<sender>} (one
 * brand, short code or number).
 *
 * @param granted   true: consent given; false: withdrawn
 * @param proof     what shows it (form id, IP, user agent, the original message), as the recorder gave it
 * @param changedAt when it was given or withdrawn
 */
public record ConsentRecord(String id, String recipient, String scope, boolean granted, ConsentSource source,
                            String proof, String recordedBy, Instant changedAt) {
}
