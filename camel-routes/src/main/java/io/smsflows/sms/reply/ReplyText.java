package io.smsflows.sms.reply;

import java.text.Normalizer;
import java.util.Locale;

/** How a reply is compared with keywords and decision rules: the same normalisation everywhere. */
public final class ReplyText {

    private ReplyText() {
    }

    /**
     * Trimmed, NFC, upper case (locale independent, accents kept), inner whitespace collapsed to one space, trailing
     * punctuation and emoji-free decoration ({@code . ! ? ,}) removed, surrounding quotes removed.
     * "  yes! " becomes "YES", "Oui." becomes "OUI", "stop  all" becomes "STOP ALL".
     */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace('\u00A0', ' ')
                .replace('\u2019', '\'') // phones with smart punctuation send D’ACCORD
                .replace('\u2018', '\'')
                .strip()
                .replaceAll("\\s+", " ")
                .toUpperCase(Locale.ROOT);
        s = s.replaceAll("^[\"'«“‘]+|[\"'»”’]+$", "");
        s = s.replaceAll("[.!?,;:]+$", "").strip();
        return s;
    }
}
