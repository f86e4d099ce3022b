package io.smsflows.camunda.journey;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.smsflows.sms.batch.TextTemplates;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Message templates per locale, kept in the DMN decision {@code sms-templates} (inputs: template key, locale;
 * output: text with {@code {placeholders}}), so analysts edit texts in Modeler and every version is deployed with
 * the models. Used in models as {@code ${smsTemplates.render('appointment-reminder', execution)}}: the locale comes
 * from the variable {@code locale} (falls back to "en"), placeholders from process variables.
 */
public class SmsTemplates implements TextTemplates {

    public static final String DECISION = "sms-templates";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private final ObjectProvider<ProcessEngine> engine;

    public SmsTemplates(ObjectProvider<ProcessEngine> engine) {
        this.engine = engine;
    }

    /** The text of {@code key} in the scope's locale, placeholders filled from its variables. */
    public String render(String key, VariableScope scope) {
        Object locale = scope.getVariable("locale");
        String text = text(key, locale == null ? "en" : locale.toString());
        return fill(text, scope.getVariables(), key);
    }

    /** As {@link #render(String, VariableScope)}, with values for placeholders the process has no variable for. */
    public String render(String key, VariableScope scope, Map<String, Object> defaults) {
        Object locale = scope.getVariable("locale");
        Map<String, Object> variables = new java.util.HashMap<>(defaults);
        scope.getVariables().forEach((name, value) -> {
            if (value != null) {
                variables.put(name, value);
            }
        });
        return fill(text(key, locale == null ? "en" : locale.toString()), variables, key);
    }

    /** The raw template text; "en" when the locale has none. */
    @Override
    public String text(String key, String locale) {
        String language = locale == null || locale.isBlank() ? "en"
                : Locale.forLanguageTag(locale.replace('_', '-')).getLanguage();
        String text = lookup(key, language);
        if (text == null && !"en".equals(language)) {
            text = lookup(key, "en");
        }
        if (text == null) {
            throw new IllegalArgumentException("no SMS template '" + key + "' for locale '" + locale
                    + "' nor 'en': add a rule to the sms-templates decision");
        }
        return text;
    }

    /** Replaces {name} by the variable's value; a missing variable is an error, never an empty gap in an SMS. */
    static String fill(String template, Map<String, Object> variables, String key) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = variables.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("SMS template '" + key + "' needs the variable '" + m.group(1)
                        + "', which the process does not have");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String lookup(String key, String language) {
        DmnDecisionResult result = engine.getObject().getDecisionService().evaluateDecisionByKey(DECISION)
                .variables(Map.of("templateKey", key, "locale", language)).evaluate();
        if (result.isEmpty()) {
            return null;
        }
        Object text = result.getFirstResult().getEntryMap().get("text");
        return text == null ? null : text.toString();
    }
}
