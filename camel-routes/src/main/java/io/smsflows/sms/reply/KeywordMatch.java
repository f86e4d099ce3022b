package io.smsflows.sms.reply;

/**
 * What the carrier-style keyword check found in a reply.
 *
 * @param kind  OPT_OUT, START, OPT_IN, HELP, CANCEL (the ambiguous word, resolved by {@link CancelPolicy}) or NONE
 * @param scope suppression scope for OPT_OUT/START/OPT_IN: null = the configured default, or the scope of a code word
 */
public record KeywordMatch(Kind kind, String scope) {

    public enum Kind { OPT_OUT, START, OPT_IN, HELP, CANCEL, NONE }

    public static final KeywordMatch NONE = new KeywordMatch(Kind.NONE, null);
}
