package io.smsflows.sms.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GSM 03.38 / UCS-2 encoder and segmenter (3GPP TS 23.038, 23.040; SMPP 3.4).
 *
 * <ul>
 *   <li>GSM 7-bit when every character is in the default alphabet or its extension table (extension characters
 *       cost two septets, an escape pair is never split); otherwise, if the route allows national language shift
 *       tables and one combination encodes the text in fewer parts than UCS-2, that one (its UDH information
 *       elements counted in every part); otherwise UCS-2 (non-BMP characters take two units, a surrogate pair is
 *       never split).</li>
 *   <li>Parts are filled greedily, which gives the fewest parts for units that must not be split. UCS-2 keeps
 *       grapheme clusters (emoji with modifiers, ZWJ sequences, flags, combining marks) in one part, as long as that
 *       costs no extra part; otherwise the minimum wins and clusters may be split between code points.</li>
 *   <li>Concatenation: UDH with 8- or 16-bit reference, SAR TLVs (no concatenation UDH), or one message_payload
 *       (billed like UDH 8-bit parts). Payloads are unpacked septets (SMPP's default alphabet) or UTF-16BE.</li>
 * </ul>
 * Thread-safe and stateless.
 */
public class StandardSmsEncoder implements SmsEncoder {

    private static final int OCTETS = 140;
    /** Extended grapheme clusters (UAX #29); java.text.BreakIterator of Java 17 splits ZWJ sequences and flags. */
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final short SAR_MSG_REF_NUM = 0x020C;
    private static final short SAR_TOTAL_SEGMENTS = 0x020E;
    private static final short SAR_SEGMENT_SEQNUM = 0x020F;
    private static final short MESSAGE_PAYLOAD = 0x0424;

    @Override
    public EncodedSms encode(String text, EncodingOptions options, int reference) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("text is empty: an SMS needs at least one character");
        }
        // the common cases first; smart replacement never changes default-GSM text
        EncodedSms fast = FastPaths.gsm(text, options, reference);
        if (fast == null && !options.smartReplacement() && options.nationalLanguages().isEmpty()) {
            fast = FastPaths.ucs2(text, options, reference);
        }
        return fast != null ? fast : encodeGeneral(text, options, reference);
    }

    /** The general algorithm (any options); package visible so tests can compare it with the fast paths. */
    EncodedSms encodeGeneral(String text, EncodingOptions options, int reference) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("text is empty: an SMS needs at least one character");
        }
        String sent = text;
        List<EncodedSms.Replacement> replacements = List.of();
        if (options.smartReplacement()) {
            SmartReplacement.Result replaced = SmartReplacement.apply(text);
            // replacing only pays when the message then stays GSM; otherwise the customer's text is kept as written
            if (!replaced.replacements().isEmpty() && !replaced.text().isEmpty()
                    && bestGsm(replaced.text(), options) != null) {
                sent = replaced.text();
                replacements = replaced.replacements();
            }
        }
        Plan gsm = bestGsm(sent, options);
        Plan ucs2 = null;
        if (gsm == null || gsm.charset != GsmCharset.DEFAULT) {
            ucs2 = ucs2(sent, options);
        }
        Plan plan = gsm != null && (ucs2 == null || gsm.billedParts < ucs2.billedParts) ? gsm : ucs2;
        if (plan.billedParts > options.maxParts()) {
            throw new SmsTooLongException(plan.alphabet, plan.totalUnits, plan.billedParts,
                    options.maxParts() * plan.perPartCapacity(options.maxParts()), options.maxParts());
        }
        List<WirePart> wire = wire(plan, options, reference);
        int lastCapacity = plan.capacity;
        return new EncodedSms(text, sent, plan.alphabet, plan.charset == null ? null : plan.charset.locking(),
                plan.charset == null ? null : plan.charset.single(), wire, plan.unitsInLast,
                lastCapacity - plan.unitsInLast, replacements, plan.billedParts);
    }

    /** The cheapest GSM character set (default first, then allowed national tables) that encodes the text. */
    private Plan bestGsm(String text, EncodingOptions options) {
        Plan best = gsmPlan(text, GsmCharset.DEFAULT, options);
        if (best != null || options.nationalLanguages().isEmpty()) {
            return best;
        }
        // preference on equal parts: single shift only, then locking only, then both (less for handsets to support)
        List<GsmCharset> candidates = new ArrayList<>();
        for (NationalLanguage l : options.nationalLanguages()) {
            if (GsmTables.hasSingle(l)) {
                candidates.add(GsmCharset.of(null, l));
            }
        }
        for (NationalLanguage l : options.nationalLanguages()) {
            if (GsmTables.hasLocking(l)) {
                candidates.add(GsmCharset.of(l, null));
            }
        }
        for (NationalLanguage locking : options.nationalLanguages()) {
            for (NationalLanguage single : options.nationalLanguages()) {
                if (GsmTables.hasLocking(locking) && GsmTables.hasSingle(single)) {
                    candidates.add(GsmCharset.of(locking, single));
                }
            }
        }
        for (GsmCharset charset : candidates) {
            Plan plan = gsmPlan(text, charset, options);
            if (plan != null && (best == null || plan.billedParts < best.billedParts)) {
                best = plan;
            }
        }
        return best;
    }

    private Plan gsmPlan(String text, GsmCharset charset, EncodingOptions options) {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int cost = charset.septets(cp);
            if (cost == 0) {
                return null;
            }
            units.add(new Unit(i, i + Character.charCount(cp), cost));
            i += Character.charCount(cp);
        }
        return Plan.pack(SmsAlphabet.GSM7, charset, text, List.of(units), options);
    }

    private Plan ucs2(String text, EncodingOptions options) {
        List<Unit> codePoints = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int n = Character.charCount(text.codePointAt(i));
            codePoints.add(new Unit(i, i + n, n));
            i += n;
        }
        List<Unit> clusters = new ArrayList<>();
        Matcher graphemes = GRAPHEME.matcher(text);
        while (graphemes.find()) {
            clusters.add(new Unit(graphemes.start(), graphemes.end(), graphemes.end() - graphemes.start()));
        }
        // clusters first; the plan falls back to code points when keeping clusters whole would cost a part
        return Plan.pack(SmsAlphabet.UCS2, null, text, List.of(clusters, codePoints), options);
    }

    private List<WirePart> wire(Plan plan, EncodingOptions options, int reference) {
        List<WirePart> result = new ArrayList<>();
        byte dcs = plan.alphabet.dataCoding();
        int count = plan.parts.size();
        if (options.concatenation() == ConcatenationStyle.MESSAGE_PAYLOAD) {
            byte[] udh = udh(plan, false, 0, 0, 0);
            byte[] payload = concat(udh, payload(plan, plan.text));
            result.add(new WirePart(1, 1, dcs, udh.length > 0 ? (byte) 0x40 : 0, new byte[0],
                    Map.of(MESSAGE_PAYLOAD, payload), plan.text));
            return result;
        }
        for (int n = 0; n < count; n++) {
            String partText = plan.parts.get(n);
            boolean concatUdh = count > 1 && options.concatenation() != ConcatenationStyle.SAR;
            byte[] udh = udh(plan, concatUdh, reference, count, n + 1);
            byte[] sm = concat(udh, payload(plan, partText));
            Map<Short, Object> tlvs = count > 1 && options.concatenation() == ConcatenationStyle.SAR
                    ? Map.of(SAR_MSG_REF_NUM, (short) (reference & 0xFFFF), SAR_TOTAL_SEGMENTS, (byte) count,
                    SAR_SEGMENT_SEQNUM, (byte) (n + 1))
                    : Map.of();
            result.add(new WirePart(n + 1, count, dcs, udh.length > 0 ? (byte) 0x40 : 0, sm, tlvs, partText));
        }
        return result;
    }

    private static byte[] udh(Plan plan, boolean concat, int reference, int total, int seq) {
        ByteArrayOutputStream ies = new ByteArrayOutputStream();
        if (concat) {
            if (plan.sixteenBit) {
                ies.writeBytes(new byte[] {8, 4, (byte) (reference >> 8), (byte) reference, (byte) total, (byte) seq});
            } else {
                ies.writeBytes(new byte[] {0, 3, (byte) reference, (byte) total, (byte) seq});
            }
        }
        if (plan.charset != null) {
            plan.charset.writeIes(ies);
        }
        if (ies.size() == 0) {
            return new byte[0];
        }
        byte[] body = ies.toByteArray();
        byte[] udh = new byte[body.length + 1];
        udh[0] = (byte) body.length;
        System.arraycopy(body, 0, udh, 1, body.length);
        return udh;
    }

    private static byte[] payload(Plan plan, String text) {
        if (plan.alphabet == SmsAlphabet.UCS2) {
            return text.getBytes(StandardCharsets.UTF_16BE);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            plan.charset.write(cp, out);
            i += Character.charCount(cp);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** An atomic piece of text [start, end) costing {@code cost} septets or UTF-16 units. */
    record Unit(int start, int end, int cost) {
    }

    /** How a text splits in one alphabet and character set. */
    static final class Plan {
        final SmsAlphabet alphabet;
        final GsmCharset charset;
        final String text;
        final boolean sixteenBit;
        List<String> parts;
        int billedParts;
        int totalUnits;
        int unitsInLast;
        int capacity;
        private int singleCapacity;
        private int multiCapacity;

        private Plan(SmsAlphabet alphabet, GsmCharset charset, String text, boolean sixteenBit) {
            this.alphabet = alphabet;
            this.charset = charset;
            this.text = text;
            this.sixteenBit = sixteenBit;
        }

        /**
         * Packs the text with the first unit list that gives the minimum number of parts (the last list must be
         * the finest, i.e. the true minimum).
         */
        static Plan pack(SmsAlphabet alphabet, GsmCharset charset, String text, List<List<Unit>> choices,
                         EncodingOptions options) {
            ConcatenationStyle style = options.concatenation();
            Plan plan = new Plan(alphabet, charset, text, style == ConcatenationStyle.UDH_16BIT);
            int shiftOctets = charset == null ? 0 : charset.udhOctets();
            int concatOctets = switch (style) {
                case UDH_8BIT, MESSAGE_PAYLOAD -> 5;
                case UDH_16BIT -> 6;
                case SAR -> 0;
            };
            plan.singleCapacity = capacity(alphabet, shiftOctets == 0 ? 0 : 1 + shiftOctets);
            plan.multiCapacity = capacity(alphabet, concatOctets + shiftOctets == 0 ? 0 : 1 + concatOctets + shiftOctets);
            List<Unit> finest = choices.get(choices.size() - 1);
            int total = finest.stream().mapToInt(Unit::cost).sum();
            plan.totalUnits = total;
            if (total <= plan.singleCapacity) {
                plan.parts = List.of(text);
                plan.billedParts = 1;
                plan.unitsInLast = total;
                plan.capacity = plan.singleCapacity;
                return plan;
            }
            List<List<Unit>> minimal = greedy(finest, plan.multiCapacity);
            List<List<Unit>> best = minimal;
            for (List<Unit> units : choices) {
                if (units == finest) {
                    break;
                }
                List<List<Unit>> packed = greedy(units, plan.multiCapacity);
                if (!packed.isEmpty() && packed.size() == minimal.size()) {
                    best = packed; // keeping clusters whole costs no extra part: keep them
                    break;
                }
            }
            List<String> texts = new ArrayList<>();
            for (List<Unit> part : best) {
                texts.add(text.substring(part.get(0).start(), part.get(part.size() - 1).end()));
            }
            plan.parts = texts;
            plan.billedParts = texts.size();
            plan.unitsInLast = best.get(best.size() - 1).stream().mapToInt(Unit::cost).sum();
            // greedy packing of the atoms is the minimum; the clusters' choice above never costs more
            plan.capacity = plan.multiCapacity;
            if (style == ConcatenationStyle.MESSAGE_PAYLOAD) {
                plan.parts = List.of(text); // one PDU; billed as the UDH parts computed above
            }
            return plan;
        }

        /** Units a part can hold with {@code udhOctets} of user data header (0: none). */
        static int capacity(SmsAlphabet alphabet, int udhOctets) {
            return alphabet == SmsAlphabet.GSM7 ? (OCTETS * 8 - udhOctets * 8) / 7 : (OCTETS - udhOctets) / 2;
        }

        int perPartCapacity(int parts) {
            return parts == 1 ? singleCapacity : multiCapacity;
        }

        private static List<List<Unit>> greedy(List<Unit> units, int capacity) {
            List<List<Unit>> parts = new ArrayList<>();
            List<Unit> current = new ArrayList<>();
            int used = 0;
            for (Unit u : units) {
                if (u.cost() > capacity) {
                    return List.of(); // cannot be kept whole: this choice is not possible
                }
                if (used + u.cost() > capacity) {
                    parts.add(current);
                    current = new ArrayList<>();
                    used = 0;
                }
                current.add(u);
                used += u.cost();
            }
            parts.add(current);
            return parts;
        }
    }
}
