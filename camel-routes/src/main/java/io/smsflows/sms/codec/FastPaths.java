package io.smsflows.sms.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The common cases without intermediate objects: text in the default GSM alphabet, and UCS-2 text whose part
 * boundaries fall between grapheme clusters. Each returns null when its case does not apply, and the general
 * algorithm of {@link StandardSmsEncoder} runs; both give the same result (CodecPropertyTest compares them).
 */
final class FastPaths {

    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final short SAR_MSG_REF_NUM = 0x020C;
    private static final short SAR_TOTAL_SEGMENTS = 0x020E;
    private static final short SAR_SEGMENT_SEQNUM = 0x020F;
    private static final short MESSAGE_PAYLOAD = 0x0424;

    private FastPaths() {
    }

    /**
     * Default GSM alphabet only (no shift tables needed); null if a character is outside it. One pass writes the
     * septets and notes where parts of a concatenated message would begin.
     */
    static EncodedSms gsm(String text, EncodingOptions options, int reference) {
        GsmCharset charset = GsmCharset.DEFAULT;
        int n = text.length();
        int multi = multiCapacity(options.concatenation(), 153, 152, 160);
        byte[] septets = new byte[n * 2];
        IntList charBounds = new IntList();
        IntList octetBounds = new IntList();
        int o = 0;
        int used = 0;
        for (int i = 0; i < n; i++) {
            int code = charset.code(text.charAt(i));
            if (code < 0) {
                return null;
            }
            int cost = 1;
            if ((code & GsmCharset.EXTENSION_FLAG) != 0) {
                cost = 2;
                septets[o++] = GsmTables.ESCAPE;
                code &= 0x7F;
            }
            if (used + cost > multi) {
                charBounds.add(i);
                octetBounds.add(o - (cost - 1));
                used = 0;
            }
            used += cost;
            septets[o++] = (byte) code;
        }
        int total = o;
        int single = 160;
        if (total <= single) {
            return finish(text, options, reference, SmsAlphabet.GSM7, new int[] {0, n}, septets, new int[] {0, total},
                    total, total, single, multi);
        }
        charBounds.add(n);
        octetBounds.add(total);
        int[] chars = charBounds.prepend0();
        int[] octets = octetBounds.prepend0();
        return finish(text, options, reference, SmsAlphabet.GSM7, chars, septets, octets, total, total - octets[octets.length - 2],
                single, multi);
    }

    /**
     * UCS-2 when no national shift table could compete. Part boundaries are found per code point (the minimum);
     * only where one may fall inside a grapheme cluster is the cluster looked up, on a window around it, and the
     * boundary moved before the cluster if that costs no extra part.
     */
    static EncodedSms ucs2(String text, EncodingOptions options, int reference) {
        int n = text.length();
        int single = 70;
        int multi = multiCapacity(options.concatenation(), 67, 66, 70);
        int[] bounds;
        if (n <= single) {
            bounds = new int[] {0, n};
        } else {
            int[] minimal = ucs2Bounds(text, multi, false);
            int[] clustered = ucs2Bounds(text, multi, true);
            bounds = clustered != null && clustered.length == minimal.length ? clustered : minimal;
        }
        byte[] utf16 = new byte[n * 2]; // by hand: String.getBytes(UTF_16BE) is several times slower here
        for (int i = 0, o = 0; i < n; i++) {
            char c = text.charAt(i);
            utf16[o++] = (byte) (c >> 8);
            utf16[o++] = (byte) c;
        }
        int[] octets = new int[bounds.length];
        for (int k = 0; k < bounds.length; k++) {
            octets[k] = bounds[k] * 2;
        }
        int segments = bounds.length - 1;
        return finish(text, options, reference, SmsAlphabet.UCS2, bounds, utf16, octets, n,
                bounds[segments] - bounds[segments - 1], single, multi);
    }

    /** Checks the part limit and builds the wire parts from the encoded octets and the part boundaries. */
    private static EncodedSms finish(String text, EncodingOptions options, int reference, SmsAlphabet alphabet,
                                     int[] chars, byte[] encoded, int[] octets, int total, int lastUnits, int single,
                                     int multi) {
        int segments = chars.length - 1;
        if (segments > options.maxParts()) {
            throw new SmsTooLongException(alphabet, total, segments,
                    options.maxParts() == 1 ? single : options.maxParts() * multi, options.maxParts());
        }
        int capacity = segments == 1 ? single : multi;
        return new EncodedSms(text, text, alphabet, null, null, wire(text, chars, encoded, octets, options,
                reference, alphabet), lastUnits, capacity - lastUnits, List.of(), segments);
    }

    /** Greedy part boundaries; with {@code keepClusters}, moved before a cluster a boundary would cut (null: impossible). */
    private static int[] ucs2Bounds(String text, int capacity, boolean keepClusters) {
        int n = text.length();
        IntList b = new IntList();
        b.add(0);
        int start = 0;
        while (start < n) {
            int end = Math.min(start + capacity, n);
            if (end < n && Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            if (keepClusters && end < n && mayContinueCluster(text, end)) {
                int clusterStart = clusterStart(text, end);
                if (clusterStart <= start) {
                    return null; // a cluster longer than a part: only code point boundaries are possible
                }
                end = clusterStart;
            }
            b.add(end);
            start = end;
        }
        return b.toArray();
    }

    /** Start of the extended grapheme cluster that contains index {@code i} (UAX #29, via regex on a window). */
    private static int clusterStart(String text, int i) {
        int from = i;
        while (from > 0 && mayContinueCluster(text, from)) {
            from = text.offsetByCodePoints(from, -1); // walk back to a position that surely starts a cluster
        }
        Matcher m = GRAPHEME.matcher(text).region(from, Math.min(text.length(), i + 64));
        int start = from;
        while (m.find() && m.start() <= i) {
            start = m.start();
            if (m.end() > i) {
                return start;
            }
        }
        return i;
    }

    /**
     * Conservative: true whenever the character at {@code i} might belong to the cluster of the one before
     * (combining marks, joiners, variation selectors, emoji modifiers and tags, flag pairs, Hangul jamo, CR LF).
     */
    static boolean mayContinueCluster(String text, int i) {
        int c = text.codePointAt(i);
        int p = text.codePointBefore(i);
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT
                || c == 0x200D || p == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0000 && c <= 0xE01EF)
                || (c >= 0x1F3FB && c <= 0x1F3FF) || (isRegional(c) && isRegional(p))
                || (c >= 0x1100 && c <= 0x11FF) || (c >= 0xA960 && c <= 0xA97F) || (c >= 0xD7B0 && c <= 0xD7FF)
                || (c >= 0xAC00 && c <= 0xD7A3 && p >= 0x1100 && p <= 0x11FF)
                || (c == '\n' && p == '\r');
    }

    private static boolean isRegional(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static int multiCapacity(ConcatenationStyle style, int udh8, int udh16, int sar) {
        return switch (style) {
            case UDH_8BIT, MESSAGE_PAYLOAD -> udh8;
            case UDH_16BIT -> udh16;
            case SAR -> sar;
        };
    }

    private static List<WirePart> wire(String text, int[] chars, byte[] encoded, int[] octets,
                                       EncodingOptions options, int reference, SmsAlphabet alphabet) {
        int count = chars.length - 1;
        byte dcs = alphabet.dataCoding();
        ConcatenationStyle style = options.concatenation();
        if (style == ConcatenationStyle.MESSAGE_PAYLOAD) {
            return List.of(new WirePart(1, 1, dcs, (byte) 0, new byte[0],
                    Map.of(MESSAGE_PAYLOAD, Arrays.copyOf(encoded, octets[count])), text));
        }
        List<WirePart> parts = new ArrayList<>(count);
        boolean udh = count > 1 && style != ConcatenationStyle.SAR;
        int udhLength = !udh ? 0 : style == ConcatenationStyle.UDH_16BIT ? 7 : 6;
        for (int k = 0; k < count; k++) {
            int length = octets[k + 1] - octets[k];
            byte[] sm = new byte[udhLength + length];
            System.arraycopy(encoded, octets[k], sm, udhLength, length);
            if (udh && style == ConcatenationStyle.UDH_16BIT) {
                sm[0] = 6; sm[1] = 8; sm[2] = 4; sm[3] = (byte) (reference >> 8); sm[4] = (byte) reference;
                sm[5] = (byte) count; sm[6] = (byte) (k + 1);
            } else if (udh) {
                sm[0] = 5; sm[1] = 0; sm[2] = 3; sm[3] = (byte) reference; sm[4] = (byte) count; sm[5] = (byte) (k + 1);
            }
            Map<Short, Object> tlvs = count > 1 && style == ConcatenationStyle.SAR
                    ? Map.of(SAR_MSG_REF_NUM, (short) (reference & 0xFFFF), SAR_TOTAL_SEGMENTS, (byte) count,
                    SAR_SEGMENT_SEQNUM, (byte) (k + 1))
                    : Map.of();
            parts.add(new WirePart(k + 1, count, dcs, udh ? (byte) 0x40 : 0, sm, tlvs,
                    count == 1 ? text : text.substring(chars[k], chars[k + 1])));
        }
        return parts;
    }

    /** A growable int array, to avoid boxing part boundaries. */
    private static final class IntList {
        private int[] values = new int[8];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }

        /** The values with a leading 0 (the start of the first part). */
        int[] prepend0() {
            int[] result = new int[size + 1];
            System.arraycopy(values, 0, result, 1, size);
            return result;
        }
    }
}
