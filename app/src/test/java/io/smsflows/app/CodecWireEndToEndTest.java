package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsflows.sms.outbox.OutboundSms;
import io.smsflows.sms.outbox.SmsOutbox;
import io.smsflows.sms.simulator.SmscSimulator;
import io.smsflows.sms.simulator.SmscSimulator.ReceivedSubmit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * What our codec hands camel-smpp is exactly what reaches the SMSC: data_coding, esm_class, UDH bytes and payload
 * octets of each submit_sm, checked in the simulator. The route here allows the Turkish shift tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e-wire;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-wire",
        "smsflows.simulator.port=0",
        "smsflows.simulator.receipt-delay=20ms",
        "smsflows.smpp.national-languages=TURKISH",
        "camunda.bpm.admin-user.id=demo",
        "camunda.bpm.admin-user.password=demo"})
@DirtiesContext
class CodecWireEndToEndTest {

    @Autowired
    SmsOutbox outbox;
    @Autowired
    SmscSimulator simulator;
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate anonymous;

    private List<ReceivedSubmit> send(String to, String text) {
        int parts = outbox.enqueue(OutboundSms.standalone(to, text, UUID.randomUUID().toString())).parts();
        String digits = to.substring(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> submitsTo(digits).size() == parts);
        // the parts of a message go out in parallel on the window: put them in the order of their UDH numbers
        return submitsTo(digits).stream().sorted(java.util.Comparator.comparingInt(CodecWireEndToEndTest::partNumber))
                .toList();
    }

    /** The part number in the concatenation IE of the UDH (8- or 16-bit reference); 1 without a UDH. */
    private static int partNumber(ReceivedSubmit pdu) {
        if ((pdu.esmClass() & 0x40) == 0) {
            return 1;
        }
        byte[] m = pdu.shortMessage();
        int end = 1 + (m[0] & 0xFF);
        for (int i = 1; i < end; ) {
            int iei = m[i] & 0xFF;
            int len = m[i + 1] & 0xFF;
            if (iei == 0x00) {
                return m[i + 4] & 0xFF;
            }
            if (iei == 0x08) {
                return m[i + 5] & 0xFF;
            }
            i += 2 + len;
        }
        return 1;
    }

    private List<ReceivedSubmit> submitsTo(String digits) {
        return Wire.submitsTo(simulator, digits);
    }

    private static byte[] udh(ReceivedSubmit pdu) {
        int length = pdu.shortMessage()[0] & 0xFF;
        return Arrays.copyOfRange(pdu.shortMessage(), 0, length + 1);
    }

    private static byte[] payload(ReceivedSubmit pdu) {
        int skip = (pdu.esmClass() & 0x40) != 0 ? (pdu.shortMessage()[0] & 0xFF) + 1 : 0;
        return Arrays.copyOfRange(pdu.shortMessage(), skip, pdu.shortMessage().length);
    }

    @Test
    void gsm_text_goes_as_unpacked_septets_with_at_sign_as_zero() {
        List<ReceivedSubmit> pdus = send("+4915112349001", "Hi @ all");
        assertThat(pdus).singleElement().satisfies(pdu -> {
            assertThat(pdu.dataCoding()).isEqualTo((byte) 0x00);
            assertThat(pdu.esmClass()).isEqualTo((byte) 0x00);
            assertThat(HexFormat.of().formatHex(pdu.shortMessage())).isEqualTo("4869" + "20" + "00" + "20" + "616c6c");
        });
    }

    @Test
    void an_extension_character_on_the_part_boundary_moves_whole_to_the_next_part() {
        String text = "a".repeat(152) + "€" + "b".repeat(10);
        List<ReceivedSubmit> pdus = send("+4915112349002", text);
        assertThat(pdus).hasSize(2);
        ReceivedSubmit first = pdus.get(0);
        ReceivedSubmit second = pdus.get(1);
        assertThat(first.esmClass() & 0x40).isEqualTo(0x40);
        byte[] udh1 = udh(first);
        assertThat(udh1).hasSize(6);
        assertThat(Arrays.copyOfRange(udh1, 0, 3)).containsExactly(0x05, 0x00, 0x03);
        assertThat(udh1[4]).isEqualTo((byte) 2);
        assertThat(udh1[5]).isEqualTo((byte) 1);
        assertThat(udh(second)[3]).isEqualTo(udh1[3]); // same reference
        assertThat(udh(second)[5]).isEqualTo((byte) 2);
        assertThat(payload(first)).hasSize(152).doesNotContain((byte) 0x1B);
        assertThat(Arrays.copyOfRange(payload(second), 0, 2)).containsExactly(0x1B, 0x65); // escape + €
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_simulator_shows_each_part_decoded_beside_its_octets() {
        send("+4915112349004", "a".repeat(153) + "€ fin de la promo");
        Map<String, Object> body = new EngineRest(anonymous).authenticated()
                .getForObject("/api/simulator/submits?limit=1000", Map.class);
        List<Map<String, Object>> parts = ((List<Map<String, Object>>) body.get("submits")).stream()
                .filter(s -> "4915112349004".equals(s.get("destAddr")))
                .sorted(java.util.Comparator.comparing(s -> String.valueOf(s.get("part")))).toList();
        assertThat(parts).extracting(s -> s.get("part")).containsExactly("1/2", "2/2");
        assertThat(parts.get(0).get("text")).isEqualTo("a".repeat(153));
        assertThat(parts.get(1).get("text")).isEqualTo("€ fin de la promo");
        assertThat((String) parts.get(1).get("shortMessageHex")).contains("1b65"); // the octets stay beside it
    }

    @Test
    void an_emoji_on_the_ucs2_part_boundary_is_never_cut() {
        String text = "a".repeat(66) + "\uD83D\uDE00" + "b".repeat(10);
        List<ReceivedSubmit> pdus = send("+4915112349003", text);
        assertThat(pdus).hasSize(2);
        assertThat(pdus).allSatisfy(pdu -> assertThat(pdu.dataCoding()).isEqualTo((byte) 0x08));
        String first = new String(payload(pdus.get(0)), StandardCharsets.UTF_16BE);
        String second = new String(payload(pdus.get(1)), StandardCharsets.UTF_16BE);
        assertThat(first).isEqualTo("a".repeat(66));
        assertThat(second).startsWith("\uD83D\uDE00");
        assertThat(first + second).isEqualTo(text);
    }

    @Test
    void turkish_text_uses_the_national_shift_table_when_the_route_allows_it() {
        String text = "Çok güzel ışık, İstanbul'da buluşalım mı? Şimdi ğ! Yarın sabah erken çıkıyoruz, hazır olun.";
        List<ReceivedSubmit> pdus = send("+905321234567", text);
        assertThat(pdus).singleElement().satisfies(pdu -> {
            assertThat(pdu.dataCoding()).isEqualTo((byte) 0x00);
            assertThat(pdu.esmClass() & 0x40).isEqualTo(0x40);
            String udh = HexFormat.of().formatHex(udh(pdu));
            // national language single shift (IEI 0x24) and/or locking shift (0x25), language Turkish (1)
            assertThat(udh).containsAnyOf("240101", "250101");
        });
    }
}
