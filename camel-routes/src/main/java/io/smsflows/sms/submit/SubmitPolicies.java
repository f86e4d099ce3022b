package io.smsflows.sms.submit;

import io.smsflows.sms.carrier.CarrierProperties;
import io.smsflows.sms.carrier.CarrierRouter;
import io.smsflows.sms.compliance.FrequencyCaps;
import io.smsflows.sms.compliance.PrefixBursts;
import io.smsflows.sms.compliance.QuietHours;
import io.smsflows.sms.consent.ConsentRecords;
import io.smsflows.sms.number.RecipientPolicy;

/**
 * What the submit stage checks on every message at the moment it would go on the wire.
 *
 * @param recipients  destination countries (a country blocked after the message was queued never goes out)
 * @param router      the message's carrier, among those available
 * @param senderRates caps per sender
 * @param quietHours  sending windows in the recipient's local time (outside: deferred to the next opening)
 * @param consents    consent records a marketing message needs when it goes on the wire; null: the CRM asserts
 *                    consent for what it sends (smsflows.consent.marketing = CRM_ASSERTED)
 * @param frequency   how often one number may receive marketing
 * @param bursts      how many messages one number range may receive in a minute (SMS pumping)
 */
public record SubmitPolicies(RecipientPolicy recipients, CarrierRouter router, SenderRates senderRates,
                             QuietHours quietHours, ConsentRecords consents, FrequencyCaps frequency,
                             PrefixBursts bursts) {

    public SubmitPolicies(RecipientPolicy recipients, CarrierRouter router, SenderRates senderRates,
                          QuietHours quietHours, ConsentRecords consents, FrequencyCaps frequency) {
        this(recipients, router, senderRates, quietHours, consents, frequency, PrefixBursts.NONE);
    }

    /** No checks but one carrier (tests, a single SMSC). */
    public static SubmitPolicies none() {
        return new SubmitPolicies(RecipientPolicy.ANY, CarrierRouter.single(CarrierProperties.DEFAULT),
                SenderRates.NONE, QuietHours.NONE, null, FrequencyCaps.NONE);
    }
}
