package io.smsflows.sms.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryReceiptParserTest {

    private static final String TEXT = "id:2147483648 sub:001 dlvrd:001 submit date:2611221030 done date:2611221031"
            + " stat:DELIVRD err:000 text:Hello";

    @Test
    void tlvs_win_over_the_text() {
        Map<Short, byte[]> tlvs = Map.of(
                DeliveryReceiptParser.TAG_RECEIPTED_MESSAGE_ID, "80000000\0".getBytes(StandardCharsets.US_ASCII),
                DeliveryReceiptParser.TAG_MESSAGE_STATE, new byte[] {5});
        DeliveryReceipt r = DeliveryReceiptParser.parse(TEXT, tlvs, "4915112345678", "SMSFlows");
        assertThat(r.smscMessageId()).isEqualTo("80000000");
        assertThat(r.state()).isEqualTo(ReceiptState.UNDELIVERABLE);
    }

    @Test
    void text_only_receipt_is_read_completely() {
        DeliveryReceipt r = DeliveryReceiptParser.parse(TEXT, Map.of(), "4915112345678", "SMSFlows");
        assertThat(r.smscMessageId()).isEqualTo("2147483648");
        assertThat(r.state()).isEqualTo(ReceiptState.DELIVERED);
        assertThat(r.errorCode()).isEqualTo("000");
        assertThat(r.submitDate()).isEqualTo(Instant.parse("2026-11-22T10:30:00Z"));
        assertThat(r.doneDate()).isEqualTo(Instant.parse("2026-11-22T10:31:00Z"));
    }

    @Test
    void tlv_only_receipt_with_empty_text_is_not_lost() {
        Map<Short, byte[]> tlvs = Map.of(
                DeliveryReceiptParser.TAG_RECEIPTED_MESSAGE_ID, "0A1B\0".getBytes(StandardCharsets.US_ASCII),
                DeliveryReceiptParser.TAG_MESSAGE_STATE, new byte[] {2});
        DeliveryReceipt r = DeliveryReceiptParser.parse("", tlvs, null, null);
        assertThat(r.smscMessageId()).isEqualTo("a1b");
        assertThat(r.state()).isEqualTo(ReceiptState.DELIVERED);
    }

    @Test
    void garbage_gives_an_unknown_receipt_without_id_instead_of_an_exception() {
        DeliveryReceipt r = DeliveryReceiptParser.parse("%%% not a receipt", Map.of(), "1", "2");
        assertThat(r.smscMessageId()).isEmpty();
        assertThat(r.state()).isEqualTo(ReceiptState.UNKNOWN);
    }

    @Test
    void network_error_code_tlv_is_used_when_the_text_has_no_error() {
        Map<Short, byte[]> tlvs = Map.of(
                DeliveryReceiptParser.TAG_RECEIPTED_MESSAGE_ID, "77\0".getBytes(StandardCharsets.US_ASCII),
                DeliveryReceiptParser.TAG_NETWORK_ERROR_CODE, new byte[] {3, 0, 27});
        DeliveryReceipt r = DeliveryReceiptParser.parse("id:77 stat:UNDELIV err:000", tlvs, null, null);
        assertThat(r.errorCode()).isEqualTo("net3:27");
    }

    @Test
    void stat_words_in_other_spellings_are_understood() {
        assertThat(ReceiptState.fromStat("delivered")).isEqualTo(ReceiptState.DELIVERED);
        assertThat(ReceiptState.fromStat("UNDELIVERABLE")).isEqualTo(ReceiptState.UNDELIVERABLE);
        assertThat(ReceiptState.fromStat("REJECTED")).isEqualTo(ReceiptState.REJECTED);
        assertThat(ReceiptState.fromStat("bogus")).isNull();
        assertThat(ReceiptState.ACCEPTED.isSuccess()).isTrue();
        assertThat(ReceiptState.ENROUTE.isFinal()).isFalse();
    }
}
