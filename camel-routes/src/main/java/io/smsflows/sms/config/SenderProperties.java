package io.smsflows.sms.config;

import io.smsflows.sms.number.SenderPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Senders, {@code smsflows.senders.*}: where alphanumeric senders may not be used and what replaces them.
 * See docs/carriers.md.
 */
@ConfigurationProperties(prefix = "smsflows.senders")
public class SenderProperties {

    /** Countries (ISO 3166) whose networks do not deliver alphanumeric senders. */
    private List<String> numericOnlyCountries = new ArrayList<>(List.of("US", "CA"));
    /** Number or short code used instead of an alphanumeric sender there; empty: such messages are refused. */
    private String numericFallback;
    /** Number or short code used when the process waits for a reply and the sender is alphanumeric. */
    private String twoWaySender;
    /**
     * Without a two-way sender, a message that expects a reply from an alphanumeric sender is refused (REFUSE:
     * handsets cannot answer names) or sent anyway (ALLOW: the built-in simulator lets handsets answer names).
     */
    private SenderPolicy.AlphanumericReplies alphanumericReplies = SenderPolicy.AlphanumericReplies.REFUSE;
    /**
     * Most parts per second per sender, as it goes on the wire (e.g. 1 for a US long code). Keys with '+' need
     * brackets in YAML: {@code "[+14155550100]": 1}.
     */
    private Map<String, Double> caps = new LinkedHashMap<>();

    public SenderPolicy policy() {
        return new SenderPolicy(new HashSet<>(numericOnlyCountries), numericFallback, twoWaySender,
                alphanumericReplies);
    }

    public Map<String, Double> getCaps() { return caps; }
    public void setCaps(Map<String, Double> caps) { this.caps = caps; }
    public List<String> getNumericOnlyCountries() { return numericOnlyCountries; }
    public void setNumericOnlyCountries(List<String> numericOnlyCountries) { this.numericOnlyCountries = numericOnlyCountries; }
    public String getNumericFallback() { return numericFallback; }
    public void setNumericFallback(String numericFallback) { this.numericFallback = numericFallback; }
    public String getTwoWaySender() { return twoWaySender; }
    public void setTwoWaySender(String twoWaySender) { this.twoWaySender = twoWaySender; }
    public SenderPolicy.AlphanumericReplies getAlphanumericReplies() { return alphanumericReplies; }
    public void setAlphanumericReplies(SenderPolicy.AlphanumericReplies alphanumericReplies) { this.alphanumericReplies = alphanumericReplies; }
}
