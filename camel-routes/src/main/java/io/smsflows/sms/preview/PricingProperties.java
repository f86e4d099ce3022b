package io.smsflows.sms.preview;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Prices per part for cost estimates (preview, batches), {@code smsflows.pricing.*}.
 */
@ConfigurationProperties(prefix = "smsflows.pricing")
public class PricingProperties {

    /** Currency of the prices. */
    private String currency = "EUR";
    /** Price of one part by ISO country of the recipient, e.g. FR: 0.045. Example values; set your contract's. */
    private Map<String, BigDecimal> perPart = new LinkedHashMap<>(Map.of(
            "FR", new BigDecimal("0.045"), "DE", new BigDecimal("0.075"),
            "ES", new BigDecimal("0.060"), "GB", new BigDecimal("0.035"),
            "US", new BigDecimal("0.008")));
    /** Price of one part for other countries; empty: no estimate. */
    private BigDecimal defaultPerPart;

    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public Map<String, BigDecimal> getPerPart() { return perPart; }
    public void setPerPart(Map<String, BigDecimal> perPart) { this.perPart = perPart; }
    public BigDecimal getDefaultPerPart() { return defaultPerPart; }
    public void setDefaultPerPart(BigDecimal defaultPerPart) { this.defaultPerPart = defaultPerPart; }

    /** Price of one part to a country (ISO 3166), the default price for others; null when none is known. */
    public BigDecimal perPart(String country) {
        return country == null ? defaultPerPart : perPart.getOrDefault(country, defaultPerPart);
    }
}
