package io.smsflows.sms.codec;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The character tables of 3GPP TS 23.038 §6.2.1 (default alphabet and extension table) and Annex A (national
 * language locking and single shift tables for Turkish, Spanish and Portuguese), as data. A locking shift table
 * replaces the 128 basic characters; a single shift table replaces the extension table (reached by escape 0x1B).
 */
final class GsmTables {

    /** Undefined position in a table. */
    static final char NONE = '\uFFFF';
    static final int ESCAPE = 0x1B;

    /** 6.2.1 GSM 7 bit default alphabet, index = septet. 0x1B is the escape to the extension table. */
    static final String DEFAULT_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\uFFFFÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** 6.2.1.1 default extension table: septet after escape -> character. */
    static final Map<Integer, Character> DEFAULT_EXTENSION = Map.of(0x0A, '\f', 0x14, '^', 0x28, '{', 0x29, '}',
            0x2F, '\\', 0x3C, '[', 0x3D, '~', 0x3E, ']', 0x40, '|', 0x65, '€');

    /** A.3.1 Turkish locking shift table. */
    static final String TURKISH_LOCKING = "@£$¥€éùıòÇ\nĞğ\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\uFFFFŞşßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "İABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§çabcdefghijklmnopqrstuvwxyzäöñüà";

    /** A.3.3 Portuguese locking shift table. */
    static final String PORTUGUESE_LOCKING = "@£$¥êéúíóç\nÔô\rÁáΔ_ªÇÀ∞^\\€Ó|\uFFFFÂâÊÉ !\"#º%&'()*+,-./0123456789:;<=>?"
            + "ÍABCDEFGHIJKLMNOPQRSTUVWXYZÃÕÚÜ§~abcdefghijklmnopqrstuvwxyzãõ`üà";

    /** A.2.1 Turkish single shift table. */
    static final Map<Integer, Character> TURKISH_SINGLE = table(new Object[][] {{0x0A, '\f'}, {0x14, '^'},
            {0x28, '{'}, {0x29, '}'}, {0x2F, '\\'}, {0x3C, '['}, {0x3D, '~'}, {0x3E, ']'}, {0x40, '|'}, {0x47, 'Ğ'},
            {0x49, 'İ'}, {0x53, 'Ş'}, {0x63, 'ç'}, {0x65, '€'}, {0x67, 'ğ'}, {0x69, 'ı'}, {0x73, 'ş'}});

    /** A.2.2 Spanish single shift table (Spanish has no locking shift table). */
    static final Map<Integer, Character> SPANISH_SINGLE = table(new Object[][] {{0x09, 'ç'}, {0x0A, '\f'},
            {0x14, '^'}, {0x28, '{'}, {0x29, '}'}, {0x2F, '\\'}, {0x3C, '['}, {0x3D, '~'}, {0x3E, ']'}, {0x40, '|'},
            {0x41, 'Á'}, {0x49, 'Í'}, {0x4F, 'Ó'}, {0x55, 'Ú'}, {0x61, 'á'}, {0x65, '€'}, {0x69, 'í'}, {0x6F, 'ó'},
            {0x75, 'ú'}});

    /** A.2.3 Portuguese single shift table. */
    static final Map<Integer, Character> PORTUGUESE_SINGLE = table(new Object[][] {{0x05, 'ê'}, {0x09, 'ç'},
            {0x0A, '\f'}, {0x0B, 'Ô'}, {0x0C, 'ô'}, {0x0E, 'Á'}, {0x0F, 'á'}, {0x12, 'Φ'}, {0x13, 'Γ'}, {0x14, '^'},
            {0x15, 'Ω'}, {0x16, 'Π'}, {0x17, 'Ψ'}, {0x18, 'Σ'}, {0x19, 'Θ'}, {0x1F, 'Ê'}, {0x28, '{'}, {0x29, '}'},
            {0x2F, '\\'}, {0x3C, '['}, {0x3D, '~'}, {0x3E, ']'}, {0x40, '|'}, {0x41, 'À'}, {0x49, 'Í'}, {0x4F, 'Ó'},
            {0x55, 'Ú'}, {0x5B, 'Ã'}, {0x5C, 'Õ'}, {0x61, 'Â'}, {0x65, '€'}, {0x69, 'í'}, {0x6F, 'ó'}, {0x75, 'ú'},
            {0x7B, 'ã'}, {0x7C, 'õ'}, {0x7F, 'â'}});

    private static final Map<NationalLanguage, String> LOCKING = new EnumMap<>(Map.of(
            NationalLanguage.TURKISH, TURKISH_LOCKING, NationalLanguage.PORTUGUESE, PORTUGUESE_LOCKING));
    private static final Map<NationalLanguage, Map<Integer, Character>> SINGLE = new EnumMap<>(Map.of(
            NationalLanguage.TURKISH, TURKISH_SINGLE, NationalLanguage.SPANISH, SPANISH_SINGLE,
            NationalLanguage.PORTUGUESE, PORTUGUESE_SINGLE));

    private GsmTables() {
    }

    /** The 128 basic characters in use: the default alphabet, or a national locking shift table. */
    static String basic(NationalLanguage locking) {
        return locking == null ? DEFAULT_BASIC : LOCKING.get(locking);
    }

    /** The table reached by escape: the default extension table, or a national single shift table. */
    static Map<Integer, Character> extension(NationalLanguage single) {
        return single == null ? DEFAULT_EXTENSION : SINGLE.get(single);
    }

    static boolean hasLocking(NationalLanguage language) {
        return LOCKING.containsKey(language);
    }

    static boolean hasSingle(NationalLanguage language) {
        return SINGLE.containsKey(language);
    }

    /** Reverse map character -> septet of a basic table. */
    static Map<Character, Integer> reverse(String basic) {
        Map<Character, Integer> map = new HashMap<>();
        for (int i = 0; i < basic.length(); i++) {
            if (basic.charAt(i) != NONE) {
                map.put(basic.charAt(i), i);
            }
        }
        return map;
    }

    /** Reverse map character -> septet of an extension table. */
    static Map<Character, Integer> reverse(Map<Integer, Character> extension) {
        Map<Character, Integer> map = new HashMap<>();
        extension.forEach((septet, c) -> map.put(c, septet));
        return map;
    }

    private static Map<Integer, Character> table(Object[][] entries) {
        Map<Integer, Character> map = new HashMap<>();
        for (Object[] e : entries) {
            map.put((Integer) e[0], (Character) e[1]);
        }
        return Map.copyOf(map);
    }
}
