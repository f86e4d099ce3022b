package io.smsflows.sms.batch;

/**
 * Message texts by key and language, for batches that name a template instead of a text. The Camunda integration
 * reads them from the sms-templates decision, as the journeys do.
 */
public interface TextTemplates {

    /**
     * @return the text of {@code key} in {@code locale} (falling back as the implementation decides), with
     *         {@code {name}} placeholders
     * @throws IllegalArgumentException if there is no such template
     */
    String text(String key, String locale);

    /** No templates: batches must carry their text. */
    TextTemplates NONE = (key, locale) -> {
        throw new IllegalArgumentException("no message templates are available here: give the batch a 'text'");
    };
}
