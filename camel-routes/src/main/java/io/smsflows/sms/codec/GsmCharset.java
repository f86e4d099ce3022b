package io.smsflows.sms.codec;

import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * One GSM 7-bit character set in use: a basic table (default or national locking shift) and an extension table
 * (default or national single shift). Knows what a character costs in septets and writes it unpacked.
 */
final class GsmCharset {

    static final GsmCharset DEFAULT = new GsmCharset(null, null);

    private final NationalLanguage locking;
    private final NationalLanguage single;
    private final Map<Character, Integer> basic;
    private final Map<Character, Integer> extension;

    GsmCharset(NationalLanguage locking, NationalLanguage single) {
        this.locking = locking;
        this.single = single;
        this.basic = GsmTables.reverse(GsmTables.basic(locking));
        this.extension = GsmTables.reverse(GsmTables.extension(single));
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
        char c = (char) codePoint;
        if (basic.containsKey(c)) {
            return 1;
        }
        return extension.containsKey(c) ? 2 : 0;
    }

    /** Writes a code point this set can encode as unpacked septets. */
    void write(int codePoint, ByteArrayOutputStream out) {
        char c = (char) codePoint;
        Integer septet = basic.get(c);
        if (septet != null) {
            out.write(septet);
        } else {
            out.write(GsmTables.ESCAPE);
            out.write(extension.get(c));
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
