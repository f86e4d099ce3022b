package io.smsflows.sms.number;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which numbers may get an SMS at all, checked before anything is queued ("numbers before money"): a number that
 * libphonenumber does not know as valid for its country, a number type that cannot receive SMS or costs the sender
 * (fixed line, premium rate...), and destinations outside the allowed countries (SMS pumping: fraudsters make a
 * sender pay for traffic to expensive ranges). Plain Java (libphonenumber).
 * <p>
 * libphonenumber knows the numbering plans, not who owns a number: a fixed-line number ported to a mobile network
 * or a mobile number ported to another carrier looks as it was allocated.
 */
public final class RecipientPolicy {

    /** Every possible number passes (the policy of tests and callers that checked already). */
    public static final RecipientPolicy ANY = new RecipientPolicy(false, Set.of(), Set.of(), Set.of());

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final boolean validate;
    private final Set<PhoneNumberType> refusedTypes;
    private final Set<String> allowedCountries;
    private final Set<String> blockedCountries;

    /**
     * @param validate         refuse numbers libphonenumber does not know as valid (and check their type)
     * @param refusedTypes     libphonenumber number types refused, e.g. FIXED_LINE, PREMIUM_RATE
     * @param allowedCountries ISO 3166 codes; empty: every country
     * @param blockedCountries ISO 3166 codes refused even if allowed
     */
    public RecipientPolicy(boolean validate, Set<String> refusedTypes, Set<String> allowedCountries,
                           Set<String> blockedCountries) {
        this.validate = validate;
        this.refusedTypes = refusedTypes.stream().map(t -> {
            try {
                return PhoneNumberType.valueOf(t.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown number type '" + t + "': use one of "
                        + java.util.Arrays.toString(PhoneNumberType.values()));
            }
        }).collect(Collectors.toUnmodifiableSet());
        this.allowedCountries = upper(allowedCountries);
        this.blockedCountries = upper(blockedCountries);
    }

    /**
     * Checks a number in E.164 with its region (as {@link PhoneNumbers#parse} gives them).
     *
     * @throws InvalidPhoneNumberException saying why, and which setting decides it
     */
    public void check(PhoneNumbers.Parsed number) {
        String region = number.region();
        if (!countryAllowed(region)) {
            throw new InvalidPhoneNumberException("recipient '" + PhoneNumbers.mask(number.e164()) + "' is in "
                    + (region == null ? "no country" : region) + ", where sending is not allowed "
                    + "(smsflows.recipients.allowed-countries / blocked-countries)");
        }
        if (!validate) {
            return;
        }
        PhoneNumberType type;
        try {
            type = UTIL.getNumberType(UTIL.parse(number.e164(), "ZZ"));
        } catch (NumberParseException e) {
            type = PhoneNumberType.UNKNOWN;
        }
        if (type == PhoneNumberType.UNKNOWN) {
            throw new InvalidPhoneNumberException("recipient '" + PhoneNumbers.mask(number.e164())
                    + "' is not a valid number in its country's numbering plan: check the digits "
                    + "(smsflows.recipients.validate=false skips this check)");
        }
        if (refusedTypes.contains(type)) {
            throw new InvalidPhoneNumberException("recipient '" + PhoneNumbers.mask(number.e164()) + "' is a "
                    + type.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " number, which cannot receive SMS or "
                    + "costs the sender (smsflows.recipients.refused-types)");
        }
    }

    /** True if a message may go to this country (ISO 3166; null: a number of no country, e.g. +800). */
    public boolean countryAllowed(String region) {
        if (region != null && blockedCountries.contains(region)) {
            return false;
        }
        return allowedCountries.isEmpty() || (region != null && allowedCountries.contains(region));
    }

    private static Set<String> upper(Set<String> codes) {
        return codes.stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).filter(c -> !c.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
