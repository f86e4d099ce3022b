package io.smsflows.sms.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For random Unicode, GSM-heavy and national-table texts, every concatenation style, shift-table permission and
 * smart replacement setting: the parts decode back to the text, every part fits 140 octets with its UDH, no escape
 * pair or surrogate pair is split, the part count is the minimum for the chosen encoding (checked by an independent
 * dynamic program), and the part limit is enforced.
 */
class CodecPropertyTest {

    private final StandardSmsEncoder encoder = new StandardSmsEncoder();

    record Case(String text, EncodingOptions options) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> unicode = codePoints(Arbitraries.oneOf(
                Arbitraries.integers().between(0x20, 0x7E), Arbitraries.integers().between(0xA0, 0x17F),
                Arbitraries.integers().between(0x0400, 0x044F), Arbitraries.integers().between(0x4E00, 0x4E80),
                Arbitraries.integers().between(0x1F300, 0x1F64F), Arbitraries.of(0x200D, 0xFE0F, 0x0301, 0x1F3FD),
                Arbitraries.integers().between(0x1F1E6, 0x1F1FF), Arbitraries.of((int) '€', (int) '{', (int) '\n')));
        Arbitrary<String> gsmHeavy = codePoints(Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, Arbitraries.of(chars(GsmTables.DEFAULT_BASIC))),
                net.jqwik.api.Tuple.of(6, Arbitraries.of(chars("^{}\\[~]|€\f"))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0x2019, 0x201C, 0x2026, 0x00A0, 0x1F600))));
        Arbitrary<String> national = codePoints(Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.integers().between('a', 'z')),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(chars(" .,!?"))),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(chars("ıİŞşğĞçÇáíóúÁÍÓÚêôãõâÊÔÃÕÂ€")))));
        Arbitrary<String> text = Arbitraries.oneOf(unicode, gsmHeavy, national);
        Arbitrary<EncodingOptions> options = Combinators.combine(
                Arbitraries.of(ConcatenationStyle.class), Arbitraries.integers().between(1, 8),
                Arbitraries.of(true, false), Arbitraries.subsetOf(NationalLanguage.values()))
                .as((style, max, smart, languages) -> new EncodingOptions(style, max, smart,
                        languages.isEmpty() ? Set.of() : EnumSet.copyOf(languages)));
        return Combinators.combine(text, options).as(Case::new);
    }

    private static Arbitrary<String> codePoints(Arbitrary<Integer> codePoint) {
        return codePoint.list().ofMinSize(1).ofMaxSize(700).map(cps -> {
            StringBuilder b = new StringBuilder();
            cps.forEach(b::appendCodePoint);
            return b.toString();
        });
    }

    private static Integer[] chars(String s) {
        return s.chars().filter(c -> c != GsmTables.NONE).boxed().toArray(Integer[]::new);
    }

    @Property(tries = 1500)
    void parts_decode_fit_and_are_minimal(@ForAll("cases") Case c) {
        EncodedSms encoded;
        try {
            encoded = encoder.encode(c.text(), c.options(), 0xABCD);
        } catch (SmsTooLongException e) {
            assertThat(e.parts()).isGreaterThan(c.options().maxParts());
            EncodedSms unlimited = encoder.encode(c.text(), c.options().withMaxParts(255), 0xABCD);
            assertThat(unlimited.segments()).isEqualTo(e.parts());
            return;
        }
        assertThat(encoded.segments()).isLessThanOrEqualTo(c.options().maxParts());
        if (!c.options().smartReplacement()) {
            assertThat(encoded.text()).isEqualTo(c.text());
        }
        // decode(parts) == text
        StringBuilder decoded = new StringBuilder();
        for (WirePart part : encoded.parts()) {
            byte[] octets = c.options().concatenation() == ConcatenationStyle.MESSAGE_PAYLOAD
                    ? (byte[]) part.optionalParameters().get((short) 0x0424) : part.shortMessage();
            decoded.append(SmsDecoder.decode(part.dataCoding(), octets, (part.esmClass() & 0x40) != 0).text());
        }
        assertThat(decoded.toString()).isEqualTo(encoded.text());
        if (c.options().concatenation() == ConcatenationStyle.MESSAGE_PAYLOAD) {
            assertThat(encoded.parts()).singleElement().satisfies(p -> assertThat(p.shortMessage()).isEmpty());
            return; // one PDU; its billed part count is checked through the UDH style it mirrors
        }
        boolean gsm = encoded.alphabet() == SmsAlphabet.GSM7;
        for (WirePart part : encoded.parts()) {
            int udh = (part.esmClass() & 0x40) != 0 ? (part.shortMessage()[0] & 0xFF) + 1 : 0;
            int payload = part.shortMessage().length - udh;
            int octets = gsm ? (udh * 8 + payload * 7 + 7) / 8 : udh + payload;
            assertThat(octets).as("octets of part %d", part.number()).isLessThanOrEqualTo(140);
            if (gsm) {
                assertThat(part.shortMessage()[part.shortMessage().length - 1]).isNotEqualTo((byte) 0x1B);
            } else {
                assertThat(Character.isHighSurrogate(part.text().charAt(part.text().length() - 1))).isFalse();
                assertThat(Character.isLowSurrogate(part.text().charAt(0))).isFalse();
            }
            if (c.options().concatenation() == ConcatenationStyle.SAR) {
                assertThat(part.shortMessage().length == 0 || udh == 0 || (part.shortMessage()[1] != 0
                        && part.shortMessage()[1] != 8)).as("no concatenation UDH with SAR").isTrue();
            }
        }
        // minimal: an independent dynamic program over the finest atoms finds no smaller count
        if (encoded.partCount() > 1) {
            WirePart first = encoded.parts().get(0);
            int udh = (first.esmClass() & 0x40) != 0 ? (first.shortMessage()[0] & 0xFF) + 1 : 0;
            int capacity = gsm ? (140 * 8 - udh * 8) / 7 : (140 - udh) / 2;
            assertThat(encoded.partCount()).isEqualTo(minimumParts(atoms(encoded), capacity));
        }
        // a text the default GSM alphabet can carry is never sent as UCS-2 or with shift tables
        if (encoded.text().codePoints().allMatch(cp -> GsmCharset.DEFAULT.septets(cp) > 0)) {
            assertThat(encoded.alphabet()).isEqualTo(SmsAlphabet.GSM7);
            assertThat(encoded.lockingShift()).isNull();
            assertThat(encoded.singleShift()).isNull();
        }
    }

    @Property(tries = 1500)
    void fast_paths_give_exactly_what_the_general_algorithm_gives(@ForAll("cases") Case c) {
        EncodingOptions options = c.options().withMaxParts(255);
        EncodedSms fast;
        EncodedSms general;
        try {
            fast = encoder.encode(c.text(), options, 0x1234);
            general = encoder.encodeGeneral(c.text(), options, 0x1234);
        } catch (SmsTooLongException e) {
            return; // longer than any SMS: both refuse (checked above)
        }
        assertThat(fast.alphabet()).isEqualTo(general.alphabet());
        assertThat(fast.segments()).isEqualTo(general.segments());
        assertThat(fast.text()).isEqualTo(general.text());
        assertThat(fast.unitsUsedInLastPart()).isEqualTo(general.unitsUsedInLastPart());
        assertThat(fast.unitsLeftInLastPart()).isEqualTo(general.unitsLeftInLastPart());
        assertThat(fast.ucs2Forcers()).isEqualTo(general.ucs2Forcers());
        assertThat(fast.parts()).hasSameSizeAs(general.parts());
        for (int i = 0; i < fast.parts().size(); i++) {
            WirePart f = fast.parts().get(i);
            WirePart g = general.parts().get(i);
            assertThat(f.text()).isEqualTo(g.text());
            assertThat(f.shortMessage()).isEqualTo(g.shortMessage());
            assertThat(f.esmClass()).isEqualTo(g.esmClass());
            assertThat(f.dataCoding()).isEqualTo(g.dataCoding());
            assertThat(f.optionalParameters().keySet()).isEqualTo(g.optionalParameters().keySet());
        }
    }

    /** Costs of the smallest units that must not be split: escape pairs (GSM) or surrogate pairs (UCS-2). */
    private static List<Integer> atoms(EncodedSms encoded) {
        GsmCharset charset = new GsmCharset(encoded.lockingShift(), encoded.singleShift());
        List<Integer> costs = new ArrayList<>();
        encoded.text().codePoints().forEach(cp -> costs.add(encoded.alphabet() == SmsAlphabet.GSM7
                ? charset.septets(cp) : Character.charCount(cp)));
        return costs;
    }

    /** best[i] = fewest parts for the first i atoms; O(n^2), independent of the encoder's greedy packing. */
    private static int minimumParts(List<Integer> costs, int capacity) {
        int n = costs.size();
        int[] best = new int[n + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int i = 1; i <= n; i++) {
            int sum = 0;
            for (int j = i - 1; j >= 0; j--) {
                sum += costs.get(j);
                if (sum > capacity) {
                    break;
                }
                if (best[j] != Integer.MAX_VALUE) {
                    best[i] = Math.min(best[i], best[j] + 1);
                }
            }
        }
        return best[n];
    }
}
