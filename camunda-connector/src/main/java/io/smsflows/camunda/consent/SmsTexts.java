package io.smsflows.camunda.consent;

import io.smsflows.sms.config.SmsFlowsProperties;

/**
 * The configured standard texts, for expressions in models: {@code ${smsTexts.optOutConfirmation}},
 * {@code ${smsTexts.resubscribeConfirmation}}, {@code ${smsTexts.help}}, {@code ${smsTexts.confirmCrmOptOuts}}.
 */
public class SmsTexts {

    private final SmsFlowsProperties.Replies replies;

    public SmsTexts(SmsFlowsProperties properties) {
        this.replies = properties.getReplies();
    }

    public String getOptOutConfirmation() {
        return replies.getOptOutConfirmation();
    }

    public String getResubscribeConfirmation() {
        return replies.getResubscribeConfirmation();
    }

    public String getHelp() {
        return replies.getHelpText();
    }

    public boolean isConfirmCrmOptOuts() {
        return replies.isConfirmCrmOptOuts();
    }
}
