package io.smsflows.sms.config;

import io.smsflows.sms.codec.ConcatenationStyle;
import io.smsflows.sms.codec.EncodingOptions;
import io.smsflows.sms.codec.NationalLanguage;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a message of a category is encoded on the configured route: concatenation style and national shift tables of
 * the route, part limit of the category. The one place that turns configuration into codec options, so the preview,
 * the outbox and the submitter always agree.
 */
public final class EncodingPolicy {

    private final ConcatenationStyle concatenation;
    private final Set<NationalLanguage> languages;
    private final Map<String, SmsCategories.Category> categories;

    public EncodingPolicy(ConcatenationStyle concatenation, List<NationalLanguage> languages, SmsCategories categories) {
        this.concatenation = concatenation;
        this.languages = languages.isEmpty() ? Set.of() : EnumSet.copyOf(languages);
        this.categories = categories.getCategories();
    }

    /** The default policy: UDH 8-bit, no shift tables, the default categories. */
    public static EncodingPolicy defaults() {
        return new EncodingPolicy(ConcatenationStyle.UDH_8BIT, List.of(), new SmsCategories());
    }

    /**
     * The category name as stored: trimmed, lower case, {@value SmsCategories#TRANSACTIONAL} when blank.
     *
     * @throws IllegalArgumentException for a category that is not configured, naming the known ones
     */
    public String category(String requested) {
        String category = requested == null || requested.isBlank()
                ? SmsCategories.TRANSACTIONAL : requested.trim().toLowerCase(Locale.ROOT);
        if (!categories.containsKey(category)) {
            throw new IllegalArgumentException("unknown SMS category '" + category + "': use one of "
                    + categories.keySet() + " or configure it under smsflows.categories");
        }
        return category;
    }

    public Set<String> categories() {
        return categories.keySet();
    }

    public EncodingOptions options(String category, boolean smartReplacement) {
        SmsCategories.Category c = categories.getOrDefault(category, new SmsCategories.Category());
        return new EncodingOptions(concatenation, c.getMaxParts(), smartReplacement, languages);
    }
}
