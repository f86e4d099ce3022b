package io.smsflows.sms.outcome;

import java.util.Locale;
import java.util.Map;

/**
 * The pipeline's error codes and receipts' states in words, for operators (Tasklist reasons, the Cockpit plugin):
 * "UNDELIV:001" reads "the network could not deliver it (...)". The code before ':' decides.
 */
public final class ErrorMeanings {

    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("UNDELIV", "the network could not deliver it (phone off for too long, or no longer in service)"),
            Map.entry("EXPIRED", "it expired before the phone could be reached"),
            Map.entry("REJECTD", "the network refused it"),
            Map.entry("DELETED", "the network deleted it"),
            Map.entry("UNKNOWN", "the network did not say what happened"),
            Map.entry("NO_ROUTE", "no carrier is configured for this number"),
            Map.entry("NO_CARRIER", "no carrier was available"),
            Map.entry("NO_CONSENT", "there is no marketing consent for this number"),
            Map.entry("SUPPRESSED", "the number is on the opt-out list"),
            Map.entry("CAPPED", "the number already got as many marketing messages as allowed"),
            Map.entry("BLOCKED_DESTINATION", "messages to this country are not allowed"),
            Map.entry("INVALID_RECIPIENT", "the number is not valid"));

    private ErrorMeanings() {
    }

    /** The code in words; "error X" for a code without a known meaning; null for none. */
    public static String of(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String head = code.trim().split("[:\\s]", 2)[0].toUpperCase(Locale.ROOT);
        return MEANINGS.getOrDefault(head, "error " + code.trim());
    }
}
