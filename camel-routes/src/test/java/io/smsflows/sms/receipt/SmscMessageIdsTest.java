package io.smsflows.sms.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmscMessageIdsTest {

    @Test
    void normal_form_ignores_case_whitespace_and_leading_zeros() {
        assertThat(SmscMessageIds.normalise(" 000A1b2C ")).isEqualTo("a1b2c");
        assertThat(SmscMessageIds.normalise("0000")).isEqualTo("0");
        assertThat(SmscMessageIds.normalise(null)).isEmpty();
    }

    @Test
    void a_decimal_receipt_id_matches_the_hex_id_of_submit_sm_resp_and_back() {
        // submit_sm_resp said 1A2B3C (hex); the receipt text says 1715004 (the same number in decimal)
        // all-digit ids are read as decimal and as hex; the exact form comes first
        assertThat(SmscMessageIds.candidates("1715004")).containsExactly("1715004", "1a2b3c", "24203268");
        assertThat(SmscMessageIds.candidates("1A2B3C")).containsExactly("1a2b3c", "1715004");
        assertThat(SmscMessageIds.candidates("msg-7")).containsExactly("msg-7");
        assertThat(SmscMessageIds.candidates("00123")).containsExactly("123", "7b", "291");
        assertThat(SmscMessageIds.candidates("")).isEmpty();
    }

    @Test
    void ids_of_several_carriers_never_meet_and_keep_their_hex_and_decimal_readings() {
        assertThat(SmscMessageIds.scoped("orange-fr", "001A2B3C")).isEqualTo("orange-fr:1a2b3c");
        assertThat(SmscMessageIds.scoped("default", "1A")).isEqualTo("1a"); // the single SMSC keeps bare ids
        assertThat(SmscMessageIds.scoped("orange-fr", "")).isEmpty(); // no id stays no id (an orphan receipt)
        assertThat(SmscMessageIds.candidates("orange-fr:1715004"))
                .containsExactly("orange-fr:1715004", "orange-fr:1a2b3c", "orange-fr:24203268");
        assertThat(SmscMessageIds.candidates("acme-http:SM12ab")).containsExactly("acme-http:sm12ab");
    }

    @Test
    void an_http_providers_id_with_leading_zeros_matches_its_status_however_it_was_stored() {
        // a JSON provider's UUID "0000f3..." (one in sixteen start with a zero): its status callback once never
        // matched, as candidates read the id part without its zeros while the submit stored it with them
        String stored = SmscMessageIds.scoped("acme-json", "0000F3ab");
        assertThat(stored).isEqualTo("acme-json:f3ab");
        assertThat(SmscMessageIds.candidates(SmscMessageIds.scoped("acme-json", "0000f3ab"))).contains(stored);
        // rows stored the old way (zeros kept) still match
        assertThat(SmscMessageIds.candidates(SmscMessageIds.normalise("acme-json:0000f3ab")))
                .contains("acme-json:0000f3ab", "acme-json:f3ab");
    }
}
