package io.smsflows.sms.number;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;

/**
 * Recipient numbers in E.164, and their masked form for logs. Plain Java (libphonenumber only).
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * Parses a recipient into E.164 ({@code +4915112345678}).
     *
     * @param raw           as given by a process or the CRM: E.164, or national with {@code defaultRegion}
     * @param defaultRegion ISO 3166 region for national numbers (e.g. "DE"), or null to require international format
     * @throws InvalidPhoneNumberException with what is wrong and how to fix it
     */
    public static String toE164(String raw, String defaultRegion) {
        return UTIL.format(number(raw, defaultRegion), PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** A parsed recipient: E.164 and its ISO 3166 region (null when libphonenumber knows none, e.g. +800). */
    public record Parsed(String e164, String region) {
    }

    /**
     * Parses a recipient once into E.164 and region.
     *
     * @throws InvalidPhoneNumberException with what is wrong and how to fix it
     */
    public static Parsed parse(String raw, String defaultRegion) {
        PhoneNumber number = number(raw, defaultRegion);
        // a country code of one country needs no number validation to know it (the full check, regular expressions
        // per region, costs ~100 us: it is only needed for shared codes such as +1 or +44)
        List<String> regions = UTIL.getRegionCodesForCountryCode(number.getCountryCode());
        String region = regions.size() == 1 ? regions.get(0) : UTIL.getRegionCodeForNumber(number);
        return new Parsed(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                region == null || "ZZ".equals(region) || "001".equals(region) ? null : region);
    }

    private static PhoneNumber number(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidPhoneNumberException("recipient is missing: give a phone number in E.164 format, e.g. +4915112345678");
        }
        String trimmed = raw.trim();
        String fallback = defaultRegion == null || defaultRegion.isBlank() ? "ZZ" : defaultRegion.toUpperCase();
        if (trimmed.startsWith("00")) {
            trimmed = "+" + trimmed.substring(2);
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(trimmed, fallback);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException("recipient '" + mask(trimmed) + "' is not a phone number ("
                    + e.getErrorType() + "): give it in E.164 format, e.g. +4915112345678");
        }
        if (!UTIL.isPossibleNumber(number)) {
            throw new InvalidPhoneNumberException("recipient '" + mask(trimmed)
                    + "' has an impossible length for its country code +" + number.getCountryCode());
        }
        return number;
    }

    /** E.164 digits without '+', as SMPP addresses with TON international carry them. */
    public static String smppDigits(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }

    /** Inbound SMPP address (international digits, maybe with '+') to E.164; returns it unchanged if unparsable. */
    public static String fromSmpp(String address) {
        if (address == null || address.isBlank()) {
            return address;
        }
        String candidate = address.startsWith("+") ? address : "+" + address;
        try {
            return UTIL.format(UTIL.parse(candidate, "ZZ"), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return address;
        }
    }

    /** ISO 3166 region of an E.164 number ("FR", "US"...), or null when unknown (e.g. a short code). */
    public static String region(String e164) {
        if (e164 == null || !e164.startsWith("+")) {
            return null;
        }
        try {
            String region = UTIL.getRegionCodeForNumber(UTIL.parse(e164, "ZZ"));
            return region == null || "ZZ".equals(region) ? null : region;
        } catch (NumberParseException e) {
            return null;
        }
    }

    /**
     * Masks a number for logs: keeps the country part and the last 3 digits ({@code +49*******678}); personal data
     * must not appear in logs in full.
     */
    public static String mask(String number) {
        if (number == null) {
            return "null";
        }
        String s = number.trim();
        if (s.length() <= 4) {
            return "***";
        }
        int keepStart = s.startsWith("+") ? 3 : 2;
        int keepEnd = 3;
        if (s.length() <= keepStart + keepEnd) {
            return s.substring(0, 1) + "*".repeat(s.length() - 1);
        }
        if (!s.chars().skip(s.startsWith("+") ? 1 : 0).allMatch(Character::isDigit)) {
            return s; // alphanumeric sender ids are not personal data
        }
        return s.substring(0, keepStart) + "*".repeat(s.length() - keepStart - keepEnd) + s.substring(s.length() - keepEnd);
    }
}
