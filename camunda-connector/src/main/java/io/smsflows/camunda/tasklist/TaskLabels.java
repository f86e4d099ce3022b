package io.smsflows.camunda.tasklist;

import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.outcome.ErrorMeanings;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Words for operators, {@code ${smsTasks...}} in task listeners: task names that say who and what ("Call Ana about
 * apt-42", from {@code name(task, "Call {firstName} about {appointmentId}")}, {@code {phoneMasked}} for the masked
 * number) and the reason codes of the pipeline in plain words ({@code reason(task)}: askOutcome and smsErrorCode).
 * The diagram keeps its short label; the task in Tasklist gets the filled one.
 */
public class TaskLabels {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private static final Map<String, String> OUTCOMES = Map.of(
            "answered", "The customer answered",
            "noReply", "The customer did not answer in time",
            "notDelivered", "The SMS could not be delivered",
            "optedOut", "The customer opted out of SMS",
            "invalidNumber", "The number is not a mobile number we can text",
            "tooLong", "The text was too long to send");


    /** The pattern with {variable} filled from the scope; a missing one reads "?" (a name must never fail a task). */
    public String name(VariableScope scope, String pattern) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            if ("phoneMasked".equals(m.group(1))) {
                Object phone = scope.getVariable("phone") != null ? scope.getVariable("phone")
                        : scope.getVariable("smsReplyFrom");
                value = phone == null ? "?" : PhoneNumbers.mask(phone.toString());
            } else {
                Object v = scope.getVariable(m.group(1));
                value = v == null || v.toString().isBlank() ? "?" : v.toString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.length() > 255 ? out.substring(0, 255) : out.toString();
    }

    /** "The SMS could not be delivered: the network could not deliver it (...) [UNDELIV:001]." */
    public String reason(VariableScope scope) {
        Object outcome = scope.getVariable("askOutcome");
        Object code = scope.getVariable("smsErrorCode");
        String text = outcome == null ? "The SMS did not get an answer" : OUTCOMES.getOrDefault(outcome.toString(),
                "Outcome " + outcome);
        if (code != null && !code.toString().isBlank()) {
            String c = code.toString().trim();
            text += ": " + ErrorMeanings.of(c) + " [" + c + "]";
        }
        return text + ".";
    }
}
