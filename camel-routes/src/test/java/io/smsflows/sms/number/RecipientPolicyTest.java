package io.smsflows.sms.number;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RecipientPolicyTest {

    private static final Set<String> REFUSED = Set.of("FIXED_LINE", "PREMIUM_RATE", "SHARED_COST", "TOLL_FREE");

    private static PhoneNumbers.Parsed n(String e164) {
        return PhoneNumbers.parse(e164, null);
    }

    @Test
    void mobiles_pass_and_fixed_line_and_premium_numbers_are_refused_with_the_setting_that_decides() {
        RecipientPolicy policy = new RecipientPolicy(true, REFUSED, Set.of(), Set.of());
        assertThatCode(() -> policy.check(n("+33612345678"))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(n("+4915112345678"))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(n("+14155550123"))).as("US: fixed line or mobile")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check(n("+33140000000"))).isInstanceOf(InvalidPhoneNumberException.class)
                .hasMessageContaining("fixed line").hasMessageContaining("refused-types")
                .hasMessageNotContaining("40000000");
        assertThatThrownBy(() -> policy.check(n("+33899123456"))).hasMessageContaining("premium rate");
    }

    @Test
    void a_number_outside_its_numbering_plan_is_refused_unless_validation_is_off() {
        // +44 7700 900xxx: Ofcom's fiction range, possible but never allocated
        assertThatThrownBy(() -> new RecipientPolicy(true, REFUSED, Set.of(), Set.of()).check(n("+447700900150")))
                .hasMessageContaining("not a valid number").hasMessageContaining("validate=false");
        assertThatCode(() -> new RecipientPolicy(false, REFUSED, Set.of(), Set.of()).check(n("+447700900150")))
                .doesNotThrowAnyException();
        assertThatCode(() -> new RecipientPolicy(false, REFUSED, Set.of(), Set.of()).check(n("+33140000000")))
                .as("types are only known to validation").doesNotThrowAnyException();
    }

    @Test
    void destinations_outside_the_allowed_countries_or_blocked_never_pass() {
        RecipientPolicy policy = new RecipientPolicy(false, Set.of(), Set.of("fr", "DE"), Set.of("DE"));
        assertThatCode(() -> policy.check(n("+33612345678"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check(n("+4915112345678"))).hasMessageContaining("DE")
                .hasMessageContaining("allowed-countries");
        assertThatThrownBy(() -> policy.check(n("+237612345678"))).hasMessageContaining("CM");
        assertThat(policy.countryAllowed(null)).as("a number of no country with an allow-list").isFalse();
        assertThat(RecipientPolicy.ANY.countryAllowed(null)).isTrue();
    }

    @Test
    void an_unknown_type_in_the_configuration_is_refused_at_start() {
        assertThatThrownBy(() -> new RecipientPolicy(true, Set.of("LANDLINE"), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LANDLINE")
                .hasMessageContaining("FIXED_LINE");
    }
}
