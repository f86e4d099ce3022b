package io.smsflows.camunda.consent;

import io.smsflows.camunda.consent.SuppressDelegate.ConsentVariables;
import io.smsflows.sms.consent.MarketingConsent;
import io.smsflows.sms.consent.SuppressionList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * "Check marketing consent": {@code camunda:delegateExpression="${smsMarketingConsent}"}. Output {@code consentOk}:
 * true only if the {@link MarketingConsent} bean allows marketing to {@code phone} and the number is not
 * suppressed for the sender. Fails closed: no evidence, no consent.
 */
public class MarketingConsentDelegate implements JavaDelegate {

    private final MarketingConsent consent;
    private final SuppressionList suppressions;

    public MarketingConsentDelegate(MarketingConsent consent, SuppressionList suppressions) {
        this.consent = consent;
        this.suppressions = suppressions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String phone = ConsentVariables.phone(execution);
        boolean suppressed = suppressions.blocking(phone, ConsentVariables.string(execution, "sender")).isPresent();
        boolean allowed = !suppressed && consent.allows(phone, execution.getVariables());
        execution.setVariable("consentOk", allowed);
        execution.setVariable("suppressed", suppressed);
    }
}
