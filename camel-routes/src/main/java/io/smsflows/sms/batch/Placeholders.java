package io.smsflows.sms.batch;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills placeholders of message texts from a recipient's variables: {@code {{name}}} in batch texts,
 * {@code {name}} in the sms-templates decision. A missing variable is an error, never an empty gap in an SMS.
 */
public final class Placeholders {

    public static final Pattern DOUBLE = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}}");
    public static final Pattern SINGLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private Placeholders() {
    }

    /** Thrown for a placeholder without a value. */
    public static final class MissingVariable extends RuntimeException {
        MissingVariable(String name) {
            super("the text needs the variable '" + name + "': add it to the recipient's variables", null, false,
                    false);
        }
    }

    public static String fill(String text, Pattern pattern, Map<String, Object> variables) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        Matcher m = pattern.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            Object value = variables.get(m.group(1));
            if (value == null) {
                throw new MissingVariable(m.group(1));
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 32);
            }
            out.append(text, last, m.start()).append(value);
            last = m.end();
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }
}
