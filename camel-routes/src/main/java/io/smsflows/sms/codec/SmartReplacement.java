package io.smsflows.sms.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typographic look-alikes outside the GSM alphabet and their GSM stand-ins: curly quotes, dashes, ellipsis, the many
 * Unicode spaces, invisible characters. Word processors and CRMs insert them; one of them turns a 160-character
 * message into three UCS-2 parts. Opt-in, because it changes the text.
 */
final class SmartReplacement {

    private static final Map<Integer, String> REPLACEMENTS = Map.ofEntries(
            Map.entry(0x2018, "'"), Map.entry(0x2019, "'"), Map.entry(0x201A, "'"), Map.entry(0x201B, "'"),
            Map.entry(0x2032, "'"), Map.entry(0x2039, "'"), Map.entry(0x203A, "'"), Map.entry(0x00B4, "'"),
            Map.entry(0x0060, "'"),
            Map.entry(0x201C, "\""), Map.entry(0x201D, "\""), Map.entry(0x201E, "\""), Map.entry(0x201F, "\""),
            Map.entry(0x2033, "\""), Map.entry(0x00AB, "\""), Map.entry(0x00BB, "\""),
            Map.entry(0x2010, "-"), Map.entry(0x2011, "-"), Map.entry(0x2012, "-"), Map.entry(0x2013, "-"),
            Map.entry(0x2014, "-"), Map.entry(0x2015, "-"), Map.entry(0x2212, "-"), Map.entry(0x2022, "-"),
            Map.entry(0x00B7, "."), Map.entry(0x2026, "..."),
            Map.entry(0x00A0, " "), Map.entry(0x2000, " "), Map.entry(0x2001, " "), Map.entry(0x2002, " "),
            Map.entry(0x2003, " "), Map.entry(0x2004, " "), Map.entry(0x2005, " "), Map.entry(0x2006, " "),
            Map.entry(0x2007, " "), Map.entry(0x2008, " "), Map.entry(0x2009, " "), Map.entry(0x200A, " "),
            Map.entry(0x202F, " "), Map.entry(0x205F, " "), Map.entry(0x3000, " "), Map.entry(0x0009, " "),
            Map.entry(0x200B, ""), Map.entry(0x2060, ""), Map.entry(0xFEFF, ""), Map.entry(0x00AD, ""),
            Map.entry(0x00D7, "x"), Map.entry(0x2044, "/"), Map.entry(0x02C6, "^"), Map.entry(0x02DC, "~"));

    record Result(String text, List<EncodedSms.Replacement> replacements) {
    }

    private SmartReplacement() {
    }

    /** Replaces every look-alike the default GSM set cannot encode; GSM characters are never touched. */
    static Result apply(String text) {
        StringBuilder out = new StringBuilder(text.length());
        List<EncodedSms.Replacement> made = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String replacement = GsmCharset.DEFAULT.septets(cp) == 0 ? REPLACEMENTS.get(cp) : null;
            if (replacement != null) {
                made.add(new EncodedSms.Replacement(i, new String(Character.toChars(cp)), replacement));
                out.append(replacement);
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return new Result(out.toString(), List.copyOf(made));
    }
}
