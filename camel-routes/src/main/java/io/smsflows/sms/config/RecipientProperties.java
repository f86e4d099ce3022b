package io.smsflows.sms.config;

import io.smsflows.sms.number.RecipientPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which numbers may get an SMS, {@code smsflows.recipients.*}, checked before anything is queued (single sends:
 * BPMN error SMS_INVALID_RECIPIENT; batches: a rejected row) and, for countries, again before the wire.
 */
@ConfigurationProperties(prefix = "smsflows.recipients")
public class RecipientProperties {

    /** Refuse numbers that are not valid in their country's numbering plan (libphonenumber), and check their type. */
    private boolean validate = true;
    /**
     * Number types refused (libphonenumber's PhoneNumberType): these cannot receive SMS or make the sender pay.
     * FIXED_LINE_OR_MOBILE (as in the US) and VOIP are sent.
     */
    private List<String> refusedTypes = new ArrayList<>(List.of("FIXED_LINE", "PREMIUM_RATE", "SHARED_COST",
            "TOLL_FREE", "UAN", "VOICEMAIL", "PAGER"));
    /** Destination countries (ISO 3166, e.g. FR, DE); empty: all. The geographic permission against SMS pumping. */
    private List<String> allowedCountries = new ArrayList<>();
    /** Destination countries refused even when allowed. */
    private List<String> blockedCountries = new ArrayList<>();

    public RecipientPolicy policy() {
        return new RecipientPolicy(validate, new HashSet<>(refusedTypes), new HashSet<>(allowedCountries),
                new HashSet<>(blockedCountries));
    }

    public boolean isValidate() { return validate; }
    public void setValidate(boolean validate) { this.validate = validate; }
    public List<String> getRefusedTypes() { return refusedTypes; }
    public void setRefusedTypes(List<String> refusedTypes) { this.refusedTypes = refusedTypes; }
    public List<String> getAllowedCountries() { return allowedCountries; }
    public void setAllowedCountries(List<String> allowedCountries) { this.allowedCountries = allowedCountries; }
    public List<String> getBlockedCountries() { return blockedCountries; }
    public void setBlockedCountries(List<String> blockedCountries) { this.blockedCountries = blockedCountries; }
}
