package io.smsflows.sms.codec;

import java.util.List;

/**
 * A text encoded and segmented for sending, with what a length preview needs.
 *
 * @param originalText        the text as given
 * @param text                the text that is sent (differs from the original only by smart replacements)
 * @param alphabet            GSM7 or UCS2
 * @param lockingShift        national locking shift table used, or null
 * @param singleShift         national single shift table used, or null
 * @param parts               the finished wire parts, in order
 * @param unitsUsedInLastPart septets (GSM7) or UTF-16 units (UCS2) used in the last part
 * @param unitsLeftInLastPart units still free in the last part before another part is needed
 * @param replacements        smart replacements made, in text order
 * @param segments            SMS segments the operator bills: the part count, also for message_payload, which
 *                            carries the whole text in one PDU but is billed (and delivered) in UDH segments
 */
public record EncodedSms(String originalText, String text, SmsAlphabet alphabet, NationalLanguage lockingShift,
                         NationalLanguage singleShift, List<WirePart> parts, int unitsUsedInLastPart,
                         int unitsLeftInLastPart, List<Replacement> replacements, int segments) {

    /**
     * Characters that forced UCS-2, with their char index in the sent text (empty for GSM7). Computed on demand:
     * only previews need it, and a long non-Latin text has many.
     */
    public List<ForcingCharacter> ucs2Forcers() {
        if (alphabet != SmsAlphabet.UCS2) {
            return List.of();
        }
        List<ForcingCharacter> result = new java.util.ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (GsmCharset.DEFAULT.septets(cp) == 0) {
                result.add(new ForcingCharacter(i, new String(Character.toChars(cp))));
            }
            i += Character.charCount(cp);
        }
        return List.copyOf(result);
    }

    /** PDUs on the wire (one per submit_sm). */
    public int partCount() {
        return parts.size();
    }

    public byte dataCoding() {
        return alphabet.dataCoding();
    }

    /** A smart replacement: {@code original} at char index {@code index} of the original text became {@code replacement}. */
    public record Replacement(int index, String original, String replacement) {
    }

    /** A character (code point) outside the GSM alphabet at char index {@code index} of the sent text. */
    public record ForcingCharacter(int index, String character) {
    }
}
