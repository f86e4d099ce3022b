package io.smsflows.sms.number;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void international_forms_become_e164() {
        assertThat(PhoneNumbers.toE164("+49 151 1234 5678", null)).isEqualTo("+4915112345678");
        assertThat(PhoneNumbers.toE164("0049 151 12345678", null)).isEqualTo("+4915112345678");
        assertThat(PhoneNumbers.toE164("0151 12345678", "DE")).isEqualTo("+4915112345678");
    }

    @Test
    void bad_numbers_say_what_is_wrong() {
        assertThatThrownBy(() -> PhoneNumbers.toE164("12", null)).isInstanceOf(InvalidPhoneNumberException.class)
                .hasMessageContaining("E.164");
        assertThatThrownBy(() -> PhoneNumbers.toE164(" ", null)).hasMessageContaining("missing");
    }

    @Test
    void masking_keeps_country_and_last_digits_only() {
        assertThat(PhoneNumbers.mask("+4915112345678")).isEqualTo("+49********678");
        assertThat(PhoneNumbers.mask("SMSFlows")).isEqualTo("SMSFlows");
        assertThat(PhoneNumbers.mask(null)).isEqualTo("null");
    }
}
