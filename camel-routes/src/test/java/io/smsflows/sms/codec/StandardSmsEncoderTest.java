package io.smsflows.sms.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The boundaries that other gateways get wrong, one by one. */
class StandardSmsEncoderTest {

    private final StandardSmsEncoder encoder = new StandardSmsEncoder();
    private final EncodingOptions defaults = EncodingOptions.defaults();

    private EncodedSms encode(String text) {
        return encoder.encode(text, defaults, 7);
    }

    private static String decode(WirePart part) {
        return SmsDecoder.decode(part.dataCoding(), part.shortMessage(), (part.esmClass() & 0x40) != 0).text();
    }

    @Test
    void gsm_160_is_one_part_161_is_two_of_153_and_8() {
        assertThat(encode("a".repeat(160)).partCount()).isEqualTo(1);
        EncodedSms two = encode("a".repeat(161));
        assertThat(two.parts()).extracting(p -> p.text().length()).containsExactly(153, 8);
        assertThat(two.unitsUsedInLastPart()).isEqualTo(8);
        assertThat(two.unitsLeftInLastPart()).isEqualTo(145);
        assertThat(two.parts().get(0).shortMessage()).startsWith(5, 0, 3, 7, 2, 1);
    }

    @Test
    void extension_characters_cost_two_septets() {
        EncodedSms e = encode("a".repeat(159) + "€");
        assertThat(e.partCount()).isEqualTo(2); // 161 septets
        assertThat(encode("a".repeat(158) + "€").partCount()).isEqualTo(1);
    }

    @Test
    void an_escape_pair_on_the_boundary_moves_whole_to_the_next_part() {
        EncodedSms e = encode("a".repeat(152) + "{" + "b".repeat(10));
        assertThat(e.parts().get(0).text()).isEqualTo("a".repeat(152));
        assertThat(e.parts().get(1).text()).startsWith("{");
        byte[] first = e.parts().get(0).shortMessage();
        assertThat(first[first.length - 1]).isNotEqualTo((byte) 0x1B);
    }

    @Test
    void at_sign_is_septet_zero_and_survives() {
        EncodedSms e = encode("@home");
        assertThat(e.parts().get(0).shortMessage()).startsWith(0x00);
        assertThat(decode(e.parts().get(0))).isEqualTo("@home");
    }

    @Test
    void ucs2_70_is_one_part_71_is_two_of_67() {
        assertThat(encode("ж".repeat(70)).partCount()).isEqualTo(1);
        EncodedSms e = encode("ж".repeat(71));
        assertThat(e.alphabet()).isEqualTo(SmsAlphabet.UCS2);
        assertThat(e.parts()).extracting(p -> p.text().length()).containsExactly(67, 4);
    }

    @Test
    void an_emoji_straddling_unit_67_moves_whole_and_16_bit_references_hold_66() {
        EncodedSms e = encode("a".repeat(66) + "😀" + "b".repeat(10));
        assertThat(e.parts().get(0).text()).isEqualTo("a".repeat(66));
        assertThat(e.parts().get(1).text()).isEqualTo("😀" + "b".repeat(10));
        EncodedSms sixteen = encoder.encode("ж".repeat(71), defaults.withConcatenation(ConcatenationStyle.UDH_16BIT), 0x1234);
        assertThat(sixteen.parts()).extracting(p -> p.text().length()).containsExactly(66, 5);
        assertThat(sixteen.parts().get(0).shortMessage()).startsWith(6, 8, 4, 0x12, 0x34, 2, 1);
        assertThat(encoder.encode("a".repeat(161), defaults.withConcatenation(ConcatenationStyle.UDH_16BIT), 1)
                .parts()).extracting(p -> p.text().length()).containsExactly(152, 9);
    }

    @Test
    void grapheme_clusters_stay_together_when_that_costs_no_part() {
        String family = "👨‍👩‍👧‍👦"; // 11 UTF-16 units, one cluster
        EncodedSms e = encode("a".repeat(60) + family + "b".repeat(20));
        assertThat(e.partCount()).isEqualTo(2);
        assertThat(e.parts().get(0).text()).isEqualTo("a".repeat(60));
        assertThat(e.parts().get(1).text()).startsWith(family);
        String flags = "🇫🇷🇩🇪";
        EncodedSms f = encode("a".repeat(65) + flags);
        assertThat(f.parts().get(1).text()).startsWith("🇫🇷");
        EncodedSms skin = encode("a".repeat(65) + "👍🏽" + "x".repeat(5));
        assertThat(skin.parts().get(1).text()).startsWith("👍🏽");
    }

    @Test
    void clusters_are_split_between_code_points_when_keeping_them_would_cost_a_part() {
        // 134 units fill two parts exactly only if the last cluster is split
        String text = "a".repeat(132) + "é"; // e + combining acute = 1 cluster, 2 units; total 134 = 2 x 67
        EncodedSms e = encode("ж" + text.substring(1));
        assertThat(e.partCount()).isEqualTo(2);
        assertThat(e.parts().get(0).text() + e.parts().get(1).text()).isEqualTo("ж" + text.substring(1));
    }

    @Test
    void turkish_uses_shift_tables_only_when_allowed_and_cheaper() {
        String text = "Çok güzel ışık, İstanbul'da buluşalım mı? Şimdi ğ! Yarın sabah erken çıkıyoruz, hazır olun.";
        EncodedSms plain = encode(text);
        assertThat(plain.partCount()).isEqualTo(2);
        assertThat(plain.alphabet()).isEqualTo(SmsAlphabet.UCS2);
        assertThat(plain.ucs2Forcers()).extracting(EncodedSms.ForcingCharacter::character).contains("ı", "İ", "ş");
        EncodedSms turkish = encoder.encode(text, new EncodingOptions(ConcatenationStyle.UDH_8BIT, 6, false,
                Set.of(NationalLanguage.TURKISH)), 1);
        assertThat(turkish.alphabet()).isEqualTo(SmsAlphabet.GSM7);
        assertThat(turkish.partCount()).isEqualTo(1);
        assertThat(turkish.singleShift()).isEqualTo(NationalLanguage.TURKISH);
        assertThat(turkish.parts().get(0).esmClass()).isEqualTo((byte) 0x40);
        assertThat(decode(turkish.parts().get(0))).isEqualTo(text);
        // equal parts: UCS-2, which every handset displays
        assertThat(encoder.encode("Şimdi ğ", new EncodingOptions(ConcatenationStyle.UDH_8BIT, 6, false,
                Set.of(NationalLanguage.TURKISH)), 1).alphabet()).isEqualTo(SmsAlphabet.UCS2);
        // plain GSM text never gets a shift table
        assertThat(encoder.encode("Hello", new EncodingOptions(ConcatenationStyle.UDH_8BIT, 6, false,
                Set.of(NationalLanguage.TURKISH)), 1).singleShift()).isNull();
    }

    @Test
    void sar_and_message_payload() {
        EncodedSms sar = encoder.encode("a".repeat(200), defaults.withConcatenation(ConcatenationStyle.SAR), 0x0102);
        assertThat(sar.parts()).hasSize(2).allSatisfy(p -> {
            assertThat(p.esmClass()).isEqualTo((byte) 0); // never SAR with UDHI
            assertThat(p.optionalParameters()).containsEntry((short) 0x020C, (short) 0x0102)
                    .containsEntry((short) 0x020E, (byte) 2);
        });
        assertThat(sar.parts().get(0).text()).hasSize(160); // no UDH: a full part
        EncodedSms payload = encoder.encode("a".repeat(400), defaults.withConcatenation(ConcatenationStyle.MESSAGE_PAYLOAD), 1);
        assertThat(payload.parts()).singleElement().satisfies(p -> {
            assertThat(p.shortMessage()).isEmpty(); // never short_message with message_payload
            assertThat((byte[]) p.optionalParameters().get((short) 0x0424)).hasSize(400);
        });
    }

    @Test
    void max_parts_refuses_with_the_lengths() {
        assertThatThrownBy(() -> encoder.encode("a".repeat(153 * 6 + 1), defaults, 1))
                .isInstanceOf(SmsTooLongException.class)
                .hasMessageContaining("7 parts").hasMessageContaining("at most 6 parts (918 GSM septets)");
        assertThatThrownBy(() -> encoder.encode("a".repeat(161), defaults.withMaxParts(1), 1))
                .hasMessageContaining("(160 GSM septets)");
    }

    @Test
    void smart_replacement_keeps_gsm_and_reports_what_it_replaced() {
        String text = "“Hello” – it’s 10…";
        EncodedSms off = encode(text);
        assertThat(off.alphabet()).isEqualTo(SmsAlphabet.UCS2);
        EncodedSms on = encoder.encode(text, new EncodingOptions(ConcatenationStyle.UDH_8BIT, 6, true, Set.of()), 1);
        assertThat(on.alphabet()).isEqualTo(SmsAlphabet.GSM7);
        assertThat(on.text()).isEqualTo("\"Hello\" - it's 10...");
        assertThat(on.originalText()).isEqualTo(text);
        assertThat(on.replacements()).extracting(EncodedSms.Replacement::index).containsExactly(0, 6, 8, 12, 17);
        // with an emoji the message is UCS-2 anyway: the text is kept as written
        EncodedSms emoji = encoder.encode(text + " 😀", new EncodingOptions(ConcatenationStyle.UDH_8BIT, 6, true, Set.of()), 1);
        assertThat(emoji.text()).isEqualTo(text + " 😀");
        assertThat(emoji.replacements()).isEmpty();
    }
}
