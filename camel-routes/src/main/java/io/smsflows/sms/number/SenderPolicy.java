package io.smsflows.sms.number;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Senders (source addresses): their form, and where each form may be used. Plain Java.
 * <ul>
 *   <li>alphanumeric: 1-11 characters, at least one letter (SMPP TON 5 / NPI 0); the handset cannot answer it;</li>
 *   <li>short code: 3-8 digits without '+' (TON 3);</li>
 *   <li>long number: E.164 (TON 1 / NPI 1).</li>
 * </ul>
 * Some countries deliver only from numbers (the US and Canada do not carry alphanumeric senders): there an
 * alphanumeric sender is replaced by the configured numeric fallback, or the message is refused. Where the process
 * waits for a reply, an alphanumeric sender is replaced by the two-way number, or refused, or (for the built-in
 * simulator, which lets handsets answer names) allowed.
 */
public final class SenderPolicy {

    /** What a reply to an alphanumeric sender does when no two-way number is configured. */
    public enum AlphanumericReplies { REFUSE, ALLOW }

    /** The forms of a sender. */
    public enum Form { ALPHANUMERIC, SHORT_CODE, LONG_NUMBER }

    /** Accepts every well-formed sender anywhere. */
    public static final SenderPolicy ANY = new SenderPolicy(Set.of(), null, null, AlphanumericReplies.ALLOW);

    private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9 .\\-_&']{1,11}");

    private final Set<String> numericOnlyCountries;
    private final String numericFallback;
    private final String twoWaySender;
    private final AlphanumericReplies alphanumericReplies;

    /**
     * @param numericOnlyCountries ISO 3166 codes where alphanumeric senders are not delivered
     * @param numericFallback      the number or short code used there instead (null: refuse)
     * @param twoWaySender         the number or short code replies come to (null: see alphanumericReplies)
     */
    public SenderPolicy(Set<String> numericOnlyCountries, String numericFallback, String twoWaySender,
                        AlphanumericReplies alphanumericReplies) {
        this.numericOnlyCountries = numericOnlyCountries.stream().map(c -> c.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.numericFallback = numericFallback(numericFallback, "smsflows.senders.numeric-fallback");
        this.twoWaySender = numericFallback(twoWaySender, "smsflows.senders.two-way-sender");
        this.alphanumericReplies = alphanumericReplies;
    }

    /** The form of a sender, or why it has none. */
    public static Form form(String sender) {
        if (sender == null || sender.isBlank()) {
            throw new InvalidSenderException("the sender is empty: give a name (up to 11 letters and digits), a short "
                    + "code or a number in E.164");
        }
        String s = sender.trim();
        String digits = s.startsWith("+") ? s.substring(1) : s;
        if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
            if (!s.startsWith("+") && digits.length() >= 3 && digits.length() <= 8) {
                return Form.SHORT_CODE;
            }
            if (digits.length() >= 8 && digits.length() <= 15) {
                return Form.LONG_NUMBER;
            }
            throw new InvalidSenderException("sender '" + s + "' is neither a short code (3-8 digits) nor a number "
                    + "in E.164 (+ and 8-15 digits)");
        }
        if (!ALPHANUMERIC.matcher(s).matches()) {
            throw new InvalidSenderException("sender '" + s + "' is not a valid alphanumeric sender: at most 11 "
                    + "letters, digits, spaces and . - _ & ' (it has " + s.length() + " characters)");
        }
        return Form.ALPHANUMERIC;
    }

    /**
     * The sender to use for a message.
     *
     * @param sender       as the process or batch gives it (or the default sender)
     * @param region       ISO 3166 region of the recipient (null if unknown)
     * @param expectsReply the process waits for the customer's answer
     * @throws InvalidSenderException when it cannot be used and nothing may replace it
     */
    public String resolve(String sender, String region, boolean expectsReply) {
        if (form(sender) != Form.ALPHANUMERIC) {
            return sender.trim();
        }
        if (region != null && numericOnlyCountries.contains(region)) {
            if (numericFallback != null) {
                return numericFallback;
            }
            throw new InvalidSenderException("alphanumeric sender '" + sender.trim() + "' is not delivered in "
                    + region + ": send from a number or short code, or set smsflows.senders.numeric-fallback");
        }
        if (expectsReply) {
            if (twoWaySender != null) {
                return twoWaySender;
            }
            if (alphanumericReplies == AlphanumericReplies.REFUSE) {
                throw new InvalidSenderException("the process waits for a reply, but a handset cannot answer the "
                        + "alphanumeric sender '" + sender.trim() + "': set smsflows.senders.two-way-sender to "
                        + "your long number or short code, or send from one");
            }
        }
        return sender.trim();
    }

    private static String numericFallback(String value, String property) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (form(value) == Form.ALPHANUMERIC) {
            throw new IllegalArgumentException(property + " must be a number or short code, not '" + value + "'");
        }
        return value.trim();
    }
}
