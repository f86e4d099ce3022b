package io.smsflows.sms.consent;

import java.util.Locale;

/**
 * Scope keys of suppressions. GLOBAL blocks every message to the number; a sender scope blocks only messages from
 * that sender (brand, short code or long number), as shared short codes with code words need.
 */
public final class ConsentScopes {

    private ConsentScopes() {
    }

    /** Canonical key of a sender: digits only for numbers (with or without '+'), upper case for alphanumerics. */
    public static String senderKey(String sender) {
        if (sender == null || sender.isBlank()) {
            return null;
        }
        String s = sender.trim();
        String digits = s.startsWith("+") ? s.substring(1) : s;
        if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
            return digits;
        }
        return s.toUpperCase(Locale.ROOT);
    }
}
