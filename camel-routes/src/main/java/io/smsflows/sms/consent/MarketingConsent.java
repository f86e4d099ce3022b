package io.smsflows.sms.consent;

import java.util.Map;

/**
 * Whether a number may receive marketing messages. The extension point for consent records (roadmap): until they
 * exist, the shipped implementation trusts only an explicit assertion by the CRM and fails closed otherwise.
 * Provide your own bean of this type to plug in a consent store.
 */
public interface MarketingConsent {

    /**
     * @param phone    E.164 number
     * @param evidence what the caller knows (e.g. the journey's variables: {@code marketingConsent},
     *                 {@code consentSource})
     * @return true only if there is marketing consent for the number
     */
    boolean allows(String phone, Map<String, Object> evidence);

    /** Default: consent only when the CRM asserted it ({@code marketingConsent == true}); anything else is no. */
    static MarketingConsent crmAsserted() {
        return (phone, evidence) -> Boolean.TRUE.equals(evidence.get("marketingConsent"))
                || "true".equalsIgnoreCase(String.valueOf(evidence.get("marketingConsent")));
    }
}
