package io.smsflows.sms.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smsflows.sms.codec.StandardSmsEncoder;
import io.smsflows.sms.config.EncodingPolicy;
import io.smsflows.sms.number.InvalidPhoneNumberException;
import io.smsflows.sms.preview.SmsPreview.Preview;
import io.smsflows.sms.preview.SmsPreview.PreviewRequest;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The preview says what the route would send: encoding, parts, room left, why UCS-2, what it costs. */
class SmsPreviewTest {

    private final SmsPreview preview = new SmsPreview(new StandardSmsEncoder(), EncodingPolicy.defaults(),
            new PricingProperties());

    private static PreviewRequest text(String text) {
        return new PreviewRequest(text, null, null, null, null, false);
    }

    @Test
    void gsm_text_priced_by_country() {
        Preview p = preview.preview(new PreviewRequest("Votre RDV est demain à 10h. Répondez OUI.", null, "FR", null,
                null, false));
        assertThat(p.encoding()).isEqualTo("GSM7"); // é and à are in the GSM basic table
        assertThat(p.parts()).isEqualTo(1);
        assertThat(p.estimatedCost()).isEqualByComparingTo(new BigDecimal("0.045"));
        assertThat(p.currency()).isEqualTo("EUR");
    }

    @Test
    void pure_gsm_counts_septets_and_room_left() {
        Preview p = preview.preview(text("Hello {name}"));
        assertThat(p.encoding()).isEqualTo("GSM7");
        assertThat(p.unitsUsedInLastPart()).isEqualTo(14); // { and } cost two septets each
        assertThat(p.unitsLeftInLastPart()).isEqualTo(146);
        assertThat(p.ucs2Forcers()).isEmpty();
        assertThat(p.estimatedCost()).isNull(); // no country, no default price
    }

    @Test
    void ucs2_forcers_are_listed_with_positions() {
        Preview p = preview.preview(text("Hi \uD83D\uDE00 there"));
        assertThat(p.encoding()).isEqualTo("UCS2");
        assertThat(p.ucs2Forcers()).singleElement().satisfies(f -> {
            assertThat(f.index()).isEqualTo(3);
            assertThat(f.character()).isEqualTo("\uD83D\uDE00");
        });
    }

    @Test
    void country_from_the_recipient_number() {
        Preview p = preview.preview(new PreviewRequest("x".repeat(161), null, null, "+4915112345678", null, false));
        assertThat(p.parts()).isEqualTo(2);
        assertThat(p.country()).isEqualTo("DE");
        assertThat(p.estimatedCost()).isEqualByComparingTo(new BigDecimal("0.150"));
        assertThat(p.partTexts()).hasSize(2);
        assertThat(p.partTexts().get(0)).hasSize(153);
    }

    @Test
    void too_long_for_the_category_is_shown_not_thrown() {
        Preview p = preview.preview(text("x".repeat(153 * 6 + 1)));
        assertThat(p.fits()).isFalse();
        assertThat(p.parts()).isEqualTo(7);
        assertThat(p.maxParts()).isEqualTo(6);
        assertThat(p.problem()).contains("7 parts").contains("at most 6");
    }

    @Test
    void bad_input_says_what_to_fix() {
        assertThatThrownBy(() -> preview.preview(text(""))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'text' is required");
        assertThatThrownBy(() -> preview.preview(new PreviewRequest("Hi", "carrier-x", null, null, null, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown route 'carrier-x'");
        assertThatThrownBy(() -> preview.preview(new PreviewRequest("Hi", null, "France", null, null, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO 3166");
        assertThatThrownBy(() -> preview.preview(new PreviewRequest("Hi", null, null, null, "promo", false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown SMS category 'promo'");
        assertThatThrownBy(() -> preview.preview(new PreviewRequest("Hi", null, null, "12", null, false)))
                .isInstanceOf(InvalidPhoneNumberException.class);
    }
}
