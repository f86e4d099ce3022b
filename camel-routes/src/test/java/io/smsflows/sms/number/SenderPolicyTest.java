package io.smsflows.sms.number;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smsflows.sms.number.SenderPolicy.AlphanumericReplies;
import io.smsflows.sms.number.SenderPolicy.Form;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SenderPolicyTest {

    @Test
    void the_form_of_a_sender_follows_smpp_and_a_malformed_one_says_why() {
        assertThat(SenderPolicy.form("SMSFlows")).isEqualTo(Form.ALPHANUMERIC);
        assertThat(SenderPolicy.form("Maison Lune")).isEqualTo(Form.ALPHANUMERIC);
        assertThat(SenderPolicy.form("38383")).isEqualTo(Form.SHORT_CODE);
        assertThat(SenderPolicy.form("+33700000001")).isEqualTo(Form.LONG_NUMBER);
        assertThat(SenderPolicy.form("33700000001")).isEqualTo(Form.LONG_NUMBER);
        assertThatThrownBy(() -> SenderPolicy.form("PharmacieCentrale")).isInstanceOf(InvalidSenderException.class)
                .hasMessageContaining("at most 11").hasMessageContaining("17 characters");
        assertThatThrownBy(() -> SenderPolicy.form("Café")).hasMessageContaining("not a valid alphanumeric");
        assertThatThrownBy(() -> SenderPolicy.form("12")).hasMessageContaining("short code");
        assertThatThrownBy(() -> SenderPolicy.form(" ")).hasMessageContaining("empty");
    }

    @Test
    void a_country_that_delivers_only_numbers_gets_the_fallback_or_a_refusal() {
        SenderPolicy withFallback = new SenderPolicy(Set.of("us", "CA"), "+14155550100", null,
                AlphanumericReplies.REFUSE);
        assertThat(withFallback.resolve("SHOP", "US", false)).isEqualTo("+14155550100");
        assertThat(withFallback.resolve("SHOP", "FR", false)).isEqualTo("SHOP");
        assertThat(withFallback.resolve("38383", "US", false)).as("numbers are kept").isEqualTo("38383");
        SenderPolicy without = new SenderPolicy(Set.of("US"), null, null, AlphanumericReplies.REFUSE);
        assertThatThrownBy(() -> without.resolve("SHOP", "US", false)).hasMessageContaining("not delivered in US")
                .hasMessageContaining("numeric-fallback");
    }

    @Test
    void a_reply_needs_a_sender_the_handset_can_answer() {
        SenderPolicy twoWay = new SenderPolicy(Set.of(), null, "+33700000001", AlphanumericReplies.REFUSE);
        assertThat(twoWay.resolve("SMSFlows", "FR", true)).isEqualTo("+33700000001");
        assertThat(twoWay.resolve("SMSFlows", "FR", false)).as("no reply expected").isEqualTo("SMSFlows");
        assertThat(twoWay.resolve("+33700000009", "FR", true)).as("already a number").isEqualTo("+33700000009");
        SenderPolicy refuse = new SenderPolicy(Set.of(), null, null, AlphanumericReplies.REFUSE);
        assertThatThrownBy(() -> refuse.resolve("SMSFlows", "FR", true)).hasMessageContaining("two-way-sender");
        assertThat(new SenderPolicy(Set.of(), null, null, AlphanumericReplies.ALLOW).resolve("SMSFlows", "FR", true))
                .isEqualTo("SMSFlows");
        assertThatThrownBy(() -> new SenderPolicy(Set.of(), null, "SHOP", AlphanumericReplies.REFUSE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two-way-sender");
    }
}
