package io.smsflows.sms.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The standard's tables, position by position: every character of the default alphabet, the extension table and
 * each national shift table encodes to its septet(s) and decodes back.
 */
class GsmTablesTest {

    @Test
    void the_default_alphabet_has_128_positions_and_known_anchors() {
        assertThat(GsmTables.DEFAULT_BASIC).hasSize(128);
        assertThat(GsmTables.DEFAULT_BASIC.charAt(0x00)).isEqualTo('@');
        assertThat(GsmTables.DEFAULT_BASIC.charAt(0x02)).isEqualTo('$');
        assertThat(GsmTables.DEFAULT_BASIC.charAt(0x10)).isEqualTo('Δ');
        assertThat(GsmTables.DEFAULT_BASIC.charAt(0x24)).isEqualTo('¤');
        assertThat(GsmTables.DEFAULT_BASIC.charAt(0x40)).isEqualTo('¡');
        assertThat(GsmTables.DEFAULT_BASIC.charAt(0x60)).isEqualTo('¿');
        assertThat(GsmTables.DEFAULT_BASIC.charAt(0x7F)).isEqualTo('à');
        assertThat(GsmTables.TURKISH_LOCKING).hasSize(128);
        assertThat(GsmTables.PORTUGUESE_LOCKING).hasSize(128);
    }

    @Test
    void every_default_character_is_one_septet_at_its_position_and_round_trips() {
        for (int septet = 0; septet < 128; septet++) {
            char c = GsmTables.DEFAULT_BASIC.charAt(septet);
            if (septet == GsmTables.ESCAPE) {
                assertThat(c).isEqualTo(GsmTables.NONE); // 0x1B is the escape, never a character
                continue;
            }
            assertThat(GsmCharset.DEFAULT.septets(c)).as("septets of %s", c).isEqualTo(1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            GsmCharset.DEFAULT.write(c, out);
            assertThat(out.toByteArray()).containsExactly(septet);
            assertThat(SmsDecoder.gsm(new byte[] {(byte) septet}, null, null)).isEqualTo(String.valueOf(c));
        }
    }

    @Test
    void every_extension_character_is_escape_plus_its_code() {
        Map<Character, Integer> expected = Map.of('\f', 0x0A, '^', 0x14, '{', 0x28, '}', 0x29, '\\', 0x2F,
                '[', 0x3C, '~', 0x3D, ']', 0x3E, '|', 0x40, '€', 0x65);
        assertThat(GsmTables.DEFAULT_EXTENSION).hasSize(expected.size());
        expected.forEach((c, code) -> {
            assertThat(GsmCharset.DEFAULT.septets(c)).isEqualTo(2);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            GsmCharset.DEFAULT.write(c, out);
            assertThat(out.toByteArray()).containsExactly(0x1B, code);
            assertThat(SmsDecoder.gsm(new byte[] {0x1B, code.byteValue()}, null, null)).isEqualTo(String.valueOf(c));
        });
    }

    @ParameterizedTest
    @EnumSource(NationalLanguage.class)
    void every_character_of_each_shift_table_round_trips(NationalLanguage language) {
        if (GsmTables.hasLocking(language)) {
            GsmCharset locking = new GsmCharset(language, null);
            String table = GsmTables.basic(language);
            for (int septet = 0; septet < 128; septet++) {
                char c = table.charAt(septet);
                if (c == GsmTables.NONE) {
                    continue;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                locking.write(c, out);
                assertThat(out.toByteArray()).as("%s locking %s", language, c).containsExactly(septet);
                assertThat(SmsDecoder.gsm(out.toByteArray(), language, null)).isEqualTo(String.valueOf(c));
            }
        }
        GsmCharset single = new GsmCharset(null, language);
        GsmTables.extension(language).forEach((code, c) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            single.write(c, out);
            if (GsmTables.DEFAULT_BASIC.indexOf(c) >= 0) {
                assertThat(out.toByteArray()).hasSize(1); // also in the basic table: the cheaper form wins
            } else {
                assertThat(out.toByteArray()).as("%s single %s", language, c).containsExactly(0x1B, code);
            }
            assertThat(SmsDecoder.gsm(out.toByteArray(), null, language)).isEqualTo(String.valueOf(c));
        });
    }

    @Test
    void national_tables_hold_the_letters_they_exist_for() {
        assertThat(GsmTables.TURKISH_LOCKING.indexOf('ı')).isEqualTo(0x07);
        assertThat(GsmTables.TURKISH_LOCKING.indexOf('Ş')).isEqualTo(0x1C);
        assertThat(GsmTables.TURKISH_LOCKING.indexOf('İ')).isEqualTo(0x40);
        assertThat(GsmTables.TURKISH_SINGLE).containsEntry(0x73, 'ş').containsEntry(0x67, 'ğ');
        assertThat(GsmTables.SPANISH_SINGLE).containsEntry(0x61, 'á').containsEntry(0x09, 'ç');
        assertThat(GsmTables.hasLocking(NationalLanguage.SPANISH)).isFalse(); // 23.038 A.3.2 is void
        assertThat(GsmTables.PORTUGUESE_LOCKING.indexOf('ã')).isEqualTo(0x7B);
        assertThat(GsmTables.PORTUGUESE_SINGLE).containsEntry(0x7F, 'â').containsEntry(0x05, 'ê');
    }

    @Test
    void an_unknown_escape_code_shows_the_basic_character_and_bad_octets_are_refused() {
        assertThat(SmsDecoder.gsm(new byte[] {0x1B, 0x41}, null, null)).isEqualTo("A");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SmsDecoder.gsm(new byte[] {(byte) 0x80}, null, null))
                .isInstanceOf(SmsDecodingException.class).hasMessageContaining("0x80");
    }
}
