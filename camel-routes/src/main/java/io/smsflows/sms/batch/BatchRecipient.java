package io.smsflows.sms.batch;

import java.util.Map;

/**
 * One row of a batch.
 *
 * @param to        phone number in E.164 (+ and country code)
 * @param text      this recipient's own text (optional; {@code {{name}}} placeholders are filled too)
 * @param locale    this recipient's language for a template (optional)
 * @param variables values for the placeholders (optional)
 * @param problem   why a reader could not read this row (a malformed line), or null; such a row is rejected
 */
public record BatchRecipient(String to, String text, String locale, Map<String, Object> variables, String problem) {

    public BatchRecipient {
        variables = variables == null ? Map.of() : variables;
    }

    public static BatchRecipient of(String to, Map<String, Object> variables) {
        return new BatchRecipient(to, null, null, variables, null);
    }

    /** A row that could not be read. */
    public static BatchRecipient unreadable(String problem) {
        return new BatchRecipient(null, null, null, null, problem);
    }
}
