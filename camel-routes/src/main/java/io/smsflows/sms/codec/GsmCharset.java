package io.smsflows.sms.codec;

import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * One GSM 7-bit character set in use: a basic table (default or national locking shift) and an extension table
 * (default or national single shift). Knows what a character costs in septets and writes it unpacked.
 */
final class GsmCharset {

    static final GsmCharset DEFAULT = new GsmCharset(null, null);
    /** Marks an extension-table code in {@link #codes}. */
    static final int EXTENSION_FLAG = 0x80;
    private static final java.util.concurrent.ConcurrentMap<String, GsmCharset> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final NationalLanguage locking;
    private final NationalLanguage single;
    /** Per UTF-16 char: septet (basic), 0x80 | code (extension), or -1: one array lookup per character. */
    private final short[] codes = new short[65536];
    /** The first 256 entries again: most text is Latin-1, and 512 bytes stay in the L1 cache. */
    private final short[] latin1 = new short[256];

    GsmCharset(NationalLanguage locking, NationalLanguage single) {
        this.locking = locking;
        this.single = single;
        java.util.Arrays.fill(codes, (short) -1);
        // extension first: a character in both tables takes the cheaper basic form
        for (Map.Entry<Character, Integer> e : GsmTables.reverse(GsmTables.extension(single)).entrySet()) {
            codes[e.getKey()] = (short) (EXTENSION_FLAG | e.getValue());
        }
        for (Map.Entry<Character, Integer> e : GsmTables.reverse(GsmTables.basic(locking)).entrySet()) {
            codes[e.getKey()] = e.getValue().shortValue();
        }
        System.arraycopy(codes, 0, latin1, 0, 256);
    }

    /** Shared instances: each holds a 128 KiB lookup table. */
    static GsmCharset of(NationalLanguage locking, NationalLanguage single) {
        if (locking == null && single == null) {
            return DEFAULT;
        }
        return CACHE.computeIfAbsent(locking + "/" + single, k -> new GsmCharset(locking, single));
    }

    /** The lookup code of a UTF-16 char: septet, 0x80 | extension code, or -1. */
    int code(char c) {
        return c < 256 ? latin1[c] : codes[c];
    }

    NationalLanguage locking() {
        return locking;
    }

    NationalLanguage single() {
        return single;
    }

    /** Septets for a code point: 1 (basic), 2 (escape + extension), 0 if this set cannot encode it. */
    int septets(int codePoint) {
        if (codePoint > 0xFFFF) {
            return 0;
        }
        int code = codes[codePoint];
        return code < 0 ? 0 : (code & EXTENSION_FLAG) != 0 ? 2 : 1;
    }

    /** Writes a code point this set can encode as unpacked septets. */
    void write(int codePoint, ByteArrayOutputStream out) {
        int code = codes[codePoint];
        if ((code & EXTENSION_FLAG) == 0) {
            out.write(code);
        } else {
            out.write(GsmTables.ESCAPE);
            out.write(code & 0x7F);
        }
    }

    /** UDH octets this set needs for its national language information elements (3 each). */
    int udhOctets() {
        return (locking == null ? 0 : 3) + (single == null ? 0 : 3);
    }

    /** Writes the national language information elements (IEI 0x25 locking, 0x24 single). */
    void writeIes(ByteArrayOutputStream udh) {
        if (locking != null) {
            udh.write(0x25);
            udh.write(1);
            udh.write(locking.identifier());
        }
        if (single != null) {
            udh.write(0x24);
            udh.write(1);
            udh.write(single.identifier());
        }
    }
}
