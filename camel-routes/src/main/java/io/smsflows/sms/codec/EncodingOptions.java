package io.smsflows.sms.codec;

import java.util.Set;

/**
 * What a route or message allows the encoder to do.
 *
 * @param concatenation      how parts are tied together
 * @param maxParts           longest message accepted, in parts; longer text is rejected, never truncated
 * @param smartReplacement   replace typographic look-alikes (quotes, dashes, spaces...) by GSM characters; changes text
 * @param nationalLanguages  national language shift tables the route (and the handsets) may use; empty = none
 */
public record EncodingOptions(ConcatenationStyle concatenation, int maxParts, boolean smartReplacement,
                              Set<NationalLanguage> nationalLanguages) {

    public static final int DEFAULT_MAX_PARTS = 6;

    public EncodingOptions {
        if (concatenation == null) {
            throw new IllegalArgumentException("concatenation style is required");
        }
        if (maxParts < 1 || maxParts > 255) {
            throw new IllegalArgumentException("maxParts must be 1..255 but was " + maxParts);
        }
        nationalLanguages = nationalLanguages == null ? Set.of() : Set.copyOf(nationalLanguages);
    }

    /** UDH with 8-bit reference, at most 6 parts, no replacement, no shift tables. */
    public static EncodingOptions defaults() {
        return new EncodingOptions(ConcatenationStyle.UDH_8BIT, DEFAULT_MAX_PARTS, false, Set.of());
    }

    public EncodingOptions withMaxParts(int parts) {
        return new EncodingOptions(concatenation, parts, smartReplacement, nationalLanguages);
    }

    public EncodingOptions withConcatenation(ConcatenationStyle style) {
        return new EncodingOptions(style, maxParts, smartReplacement, nationalLanguages);
    }
}
