package io.smsflows.sms.config;

import io.smsflows.sms.codec.EncodingOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Message categories, {@code smsflows.categories.<name>.*}: transactional, marketing, and consent (opt-out and
 * re-subscribe confirmations, the only messages allowed once after an opt-out). Consent, quiet hours and frequency
 * caps hang on the category.
 */
@ConfigurationProperties(prefix = "smsflows")
public class SmsCategories {

    public static final String TRANSACTIONAL = "transactional";
    public static final String MARKETING = "marketing";
    public static final String CONSENT = "consent";

    /** Per-category limits, keyed by category name. */
    private Map<String, Category> categories = new LinkedHashMap<>(Map.of(
            TRANSACTIONAL, new Category(), MARKETING, new Category(), CONSENT, new Category(2)));

    public Map<String, Category> getCategories() { return categories; }
    public void setCategories(Map<String, Category> categories) { this.categories = categories; }

    /** One category. */
    public static class Category {

        /** Longest message accepted, in parts; longer text is refused before anything is sent. */
        private int maxParts = EncodingOptions.DEFAULT_MAX_PARTS;

        public Category() {
        }

        public Category(int maxParts) {
            this.maxParts = maxParts;
        }

        public int getMaxParts() { return maxParts; }
        public void setMaxParts(int maxParts) { this.maxParts = maxParts; }
    }
}
