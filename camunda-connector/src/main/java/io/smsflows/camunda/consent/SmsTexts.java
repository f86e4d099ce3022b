package io.smsflows.camunda.consent;

import io.smsflows.camunda.journey.SmsTemplates;
import io.smsflows.sms.consent.ConsentProperties;
import java.util.Map;
import io.smsflows.sms.reply.ReplyProperties;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.reply.Locales;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The standard texts of the consent processes, for expressions in models:
 * {@code ${smsTexts.optOutConfirmation(execution)}}, {@code ${smsTexts.resubscribeConfirmation(execution)}},
 * {@code ${smsTexts.optInQuestion(execution)}}, {@code ${smsTexts.optInWelcome(execution)}}, {@code ${smsTexts.help}}, {@code ${smsTexts.confirmCrmOptOuts}}. Confirmations come in the customer's language
 * (variable {@code locale}, else the country of {@code phone}) from the sms-templates decision, unless one text is
 * configured for all ({@code smsflows.replies.opt-out-confirmation} / {@code resubscribe-confirmation}).
 */
public class SmsTexts {

    private final ReplyProperties replies;
    private final SmsTemplates templates;
    private final ConsentProperties consent;

    public SmsTexts(ReplyProperties replies, SmsTemplates templates, ConsentProperties consent) {
        this.replies = replies;
        this.templates = templates;
        this.consent = consent;
    }

    public String optOutConfirmation(VariableScope scope) {
        return configuredOr(replies.getOptOutConfirmation(), "opt-out-confirmation", scope);
    }

    public String resubscribeConfirmation(VariableScope scope) {
        return configuredOr(replies.getResubscribeConfirmation(), "resubscribe-confirmation", scope);
    }

    /** The double opt-in's question: "{programName}: reply YES to get our offers by SMS...". */
    public String optInQuestion(VariableScope scope) {
        return templates.render("double-opt-in-question", scope, Map.of("programName", consent.getProgramName()));
    }

    /** The welcome after the YES, with how to stop and get help (as CTIA asks). */
    public String optInWelcome(VariableScope scope) {
        return templates.render("double-opt-in-welcome", scope, Map.of("programName", consent.getProgramName()));
    }

    public String getHelp() {
        return replies.getHelpText();
    }

    public boolean isConfirmCrmOptOuts() {
        return replies.isConfirmCrmOptOuts();
    }

    private String configuredOr(String configured, String template, VariableScope scope) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Object locale = scope.getVariable("locale");
        Object phone = scope.getVariable("phone");
        String language = locale != null && !locale.toString().isBlank() ? locale.toString()
                : Locales.forRegion(phone == null ? null : PhoneNumbers.region(phone.toString()));
        return templates.text(template, language);
    }
}
