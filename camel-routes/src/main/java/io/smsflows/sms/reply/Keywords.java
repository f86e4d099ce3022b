package io.smsflows.sms.reply;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Carrier-style keywords, matched on the whole normalised message (as carriers do: "STOP" opts out, "Please stop
 * sending me the promo" is a message for a human). Runs before conversations: an opt-out always wins.
 *
 * <p>YES is never a re-subscribe word: it confirms appointments, and a number that sent STOP must send START
 * (or a code word) to receive messages again. JOIN (opt-in words) asks for marketing messages: the double opt-in
 * journey confirms it with a YES before any consent is recorded.
 */
public class Keywords {

    private final ReplyProperties config;

    public Keywords(ReplyProperties config) {
        this.config = config;
    }

    /**
     * @param normalised reply after {@link ReplyText#normalise}
     * @param region     ISO region of the sender's number (per-country words and policy), or null
     */
    public KeywordMatch match(String normalised, String region) {
        if (normalised == null || normalised.isEmpty()) {
            return KeywordMatch.NONE;
        }
        ReplyProperties.CountryReplies country = region == null ? null
                : config.getCountries().get(region.toUpperCase(Locale.ROOT));
        if (words(config.getOptOutWords(), country == null ? null : country.getOptOutWords()).contains(normalised)) {
            return new KeywordMatch(KeywordMatch.Kind.OPT_OUT, null);
        }
        if (words(config.getStartWords(), country == null ? null : country.getStartWords()).contains(normalised)) {
            return new KeywordMatch(KeywordMatch.Kind.START, null);
        }
        if (words(config.getOptInWords(), country == null ? null : country.getOptInWords()).contains(normalised)) {
            return new KeywordMatch(KeywordMatch.Kind.OPT_IN, null);
        }
        if (words(config.getHelpWords(), country == null ? null : country.getHelpWords()).contains(normalised)) {
            return new KeywordMatch(KeywordMatch.Kind.HELP, null);
        }
        KeywordMatch coded = codeWord(normalised);
        if (coded != null) {
            return coded;
        }
        if (normalised.equals("CANCEL") || config.getCancelWords().contains(normalised)) {
            CancelPolicy policy = country != null && country.getCancelPolicy() != null
                    ? country.getCancelPolicy() : config.getCancelPolicy();
            return policy == CancelPolicy.OPT_OUT
                    ? new KeywordMatch(KeywordMatch.Kind.OPT_OUT, null) : new KeywordMatch(KeywordMatch.Kind.CANCEL, null);
        }
        return KeywordMatch.NONE;
    }

    /**
     * "ACME STOP" / "STOP ACME" opt out of ACME only; "ACME START", "START ACME" or just "ACME" join it again;
     * "ACME JOIN" asks for ACME's marketing messages (double opt-in).
     */
    private KeywordMatch codeWord(String normalised) {
        for (Map.Entry<String, String> entry : config.getCodeWords().entrySet()) {
            String code = entry.getKey().toUpperCase(Locale.ROOT);
            String scope = entry.getValue();
            for (String stop : config.getOptOutWords()) {
                if (normalised.equals(code + " " + stop) || normalised.equals(stop + " " + code)) {
                    return new KeywordMatch(KeywordMatch.Kind.OPT_OUT, scope);
                }
            }
            for (String join : config.getOptInWords()) {
                if (normalised.equals(code + " " + join) || normalised.equals(join + " " + code)) {
                    return new KeywordMatch(KeywordMatch.Kind.OPT_IN, scope);
                }
            }
            if (normalised.equals(code)) {
                return new KeywordMatch(KeywordMatch.Kind.START, scope);
            }
            for (String start : config.getStartWords()) {
                if (normalised.equals(code + " " + start) || normalised.equals(start + " " + code)) {
                    return new KeywordMatch(KeywordMatch.Kind.START, scope);
                }
            }
        }
        return null;
    }

    private static Set<String> words(Iterable<String> defaults, Iterable<String> extra) {
        Set<String> all = new HashSet<>();
        defaults.forEach(w -> all.add(ReplyText.normalise(w)));
        if (extra != null) {
            extra.forEach(w -> all.add(ReplyText.normalise(w)));
        }
        return all;
    }
}
