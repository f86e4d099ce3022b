package io.smsflows.camunda.tasklist;

import io.smsflows.sms.number.PhoneNumbers;
import java.util.Locale;
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

    private static final Map<String, String> ERRORS = Map.ofEntries(
            Map.entry("UNDELIV", "the network could not deliver it (phone off for too long, or no longer in service)"),
            Map.entry("EXPIRED", "it expired before the phone could be reached"),
            Map.entry("REJECTD", "the network refused it"),
            Map.entry("DELETED", "the network deleted it"),
            Map.entry("UNKNOWN", "the network did not say what happened"),
            Map.entry("NO_ROUTE", "no carrier is configured for this number"),
            Map.entry("NO_CARRIER", "no carrier was available"),
            Map.entry("NO_CONSENT", "there is no marketing consent for this number"),
            Map.entry("SUPPRESSED", "the number is on the opt-out list"),
            Map.entry("CAPPED", "the number already got as many marketing messages as allowed"),
            Map.entry("BLOCKED_DESTINATION", "messages to this country are not allowed"),
            Map.entry("INVALID_RECIPIENT", "the number is not valid"));

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

    /** An error code of the pipeline or a receipt in words ("UNDELIV:001": "the network could not deliver it..."). */
    public static String meaning(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String head = code.trim().split("[:\\s]", 2)[0].toUpperCase(Locale.ROOT);
        return ERRORS.getOrDefault(head, "error " + code.trim());
    }

    /** "The SMS could not be delivered: the network could not deliver it (...) [UNDELIV:001]." */
    public String reason(VariableScope scope) {
        Object outcome = scope.getVariable("askOutcome");
        Object code = scope.getVariable("smsErrorCode");
        String text = outcome == null ? "The SMS did not get an answer" : OUTCOMES.getOrDefault(outcome.toString(),
                "Outcome " + outcome);
        if (code != null && !code.toString().isBlank()) {
            String c = code.toString().trim();
            String head = c.split("[:\\s]", 2)[0].toUpperCase(Locale.ROOT);
            String meaning = ERRORS.get(head);
            text += ": " + (meaning != null ? meaning : "error " + c) + " [" + c + "]";
        }
        return text + ".";
    }
}
