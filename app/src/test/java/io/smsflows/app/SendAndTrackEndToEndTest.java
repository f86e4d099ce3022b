package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.outbox.SmsPart;
import io.smsflows.sms.receipt.ReceiptRepository;
import io.smsflows.sms.simulator.SmscSimulator;
import io.smsflows.sms.simulator.SmscSimulator.ReceivedSubmit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole loop in the running app: REST start -> send task -> outbox -> camel-smpp over TCP -> simulator ->
 * deliver_sm receipt -> stored -> matched -> SmsDelivered/SmsFailed correlated -> instance completed.
 * Subclasses run it on each supported database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "smsflows.simulator.port=0",
        "smsflows.simulator.receipt-delay=20ms",
        "camunda.bpm.admin-user.id=demo",
        "camunda.bpm.admin-user.password=demo"})
@DirtiesContext
abstract class SendAndTrackEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    SmscSimulator simulator;
    @Autowired
    SmsMessageRepository messages;
    @Autowired
    ReceiptRepository receipts;

    EngineRest rest;

    @BeforeEach
    void setUp() {
        rest = new EngineRest(anonymous);
    }

    private List<ReceivedSubmit> submitsTo(String digits) {
        return Wire.submitsTo(simulator, digits);
    }

    @Test
    void delivered_sms_completes_the_instance_with_its_receipt() {
        String pi = rest.startSendAndTrack("order-1", "+4915112340001", "Your order 1 has shipped.");

        Map<String, Object> vars = rest.awaitCompleted(pi, TIMEOUT);

        assertThat(vars).containsEntry("outcome", "delivered").containsEntry("smsStatus", "DELIVERED")
                .containsEntry("smsParts", 1).containsEntry("smsEncoding", "GSM7");
        List<ReceivedSubmit> wire = submitsTo("4915112340001");
        assertThat(wire).hasSize(1);
        ReceivedSubmit pdu = wire.get(0);
        assertThat(pdu.dataCoding()).isEqualTo((byte) 0x00);
        assertThat(pdu.esmClass()).isEqualTo((byte) 0x00);
        assertThat(pdu.registeredDelivery()).isEqualTo((byte) 0x01);
        assertThat(new String(pdu.shortMessage(), StandardCharsets.US_ASCII)).isEqualTo("Your order 1 has shipped.");
        assertThat(pdu.sourceAddr()).isEqualTo("SMSFlows");
        // the receipt was stored, matched through the TLV id, and applied once
        String messageId = (String) vars.get("smsMessageId");
        assertThat(receipts.forMessage(messageId)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ReceiptRepository.Status.APPLIED));
    }

    @Test
    void multipart_message_is_delivered_when_every_part_is() {
        String text = "A".repeat(150) + " {braces} and more text so that this needs two parts on the wire";
        String pi = rest.startSendAndTrack("order-2", "+4915112340002", text);

        Map<String, Object> vars = rest.awaitCompleted(pi, TIMEOUT);

        assertThat(vars).containsEntry("outcome", "delivered").containsEntry("smsParts", 2);
        List<ReceivedSubmit> wire = submitsTo("4915112340002");
        assertThat(wire).hasSize(2);
        for (ReceivedSubmit part : wire) {
            assertThat(part.esmClass() & 0x40).as("UDHI").isEqualTo(0x40);
            assertThat(part.shortMessage()[0]).as("UDH length").isEqualTo((byte) 5);
            assertThat(part.shortMessage()[4]).as("total parts").isEqualTo((byte) 2);
        }
        assertThat(wire.get(0).shortMessage()[3]).as("same reference").isEqualTo(wire.get(1).shortMessage()[3]);
        List<SmsPart> parts = messages.parts((String) vars.get("smsMessageId"));
        assertThat(parts).extracting(SmsPart::status).containsOnly(io.smsflows.sms.outbox.PartStatus.DELIVERED);
    }

    @Test
    void undeliverable_number_ends_as_not_delivered_with_the_receipt_error() {
        String pi = rest.startSendAndTrack("order-3", "+4915199990123", "Your code is 1234");

        Map<String, Object> vars = rest.awaitCompleted(pi, TIMEOUT);

        assertThat(vars).containsEntry("outcome", "failed").containsEntry("smsStatus", "FAILED")
                .containsEntry("smsErrorCode", "UNDELIV:001");
    }

    @Test
    void destination_refused_by_the_smsc_fails_at_once_without_retries() {
        String pi = rest.startSendAndTrack("order-4", "+4915199990201", "Hello");

        Map<String, Object> vars = rest.awaitCompleted(pi, TIMEOUT);

        assertThat(vars).containsEntry("outcome", "failed").containsEntry("smsErrorCode", "0x0000000b");
        assertThat(messages.findById((String) vars.get("smsMessageId")).orElseThrow().attempts()).isZero();
    }

    @Test
    void text_longer_than_the_category_allows_is_refused_before_anything_is_sent() {
        String pi = rest.startSendAndTrack("order-5", "+4915112340005", "x".repeat(153 * 6 + 1));

        Map<String, Object> vars = rest.awaitCompleted(pi, TIMEOUT);

        assertThat(vars).containsEntry("outcome", "refused").containsEntry("smsErrorCode", "SMS_TOO_LONG");
        assertThat((String) vars.get("smsErrorText")).contains("7 parts").contains("at most 6");
        // nothing queued (the send task sets smsMessageId once the outbox took the message) and nothing on the wire;
        // the simulator's total also counts what earlier tests still had in flight
        assertThat(vars).doesNotContainKey("smsMessageId");
        assertThat(submitsTo("4915112340005")).isEmpty();
    }

    @Test
    void invalid_recipient_is_refused_with_a_clear_reason() {
        String pi = rest.startSendAndTrack("order-6", "12", "Hello");

        Map<String, Object> vars = rest.awaitCompleted(pi, TIMEOUT);

        assertThat(vars).containsEntry("outcome", "refused").containsEntry("smsErrorCode", "SMS_INVALID_RECIPIENT");
        assertThat((String) vars.get("smsErrorText")).contains("E.164");
    }

    @Test
    void unicode_text_goes_out_as_ucs2() {
        String pi = rest.startSendAndTrack("order-7", "+4915112340007", "Привет 👋");

        Map<String, Object> vars = rest.awaitCompleted(pi, TIMEOUT);

        assertThat(vars).containsEntry("outcome", "delivered").containsEntry("smsEncoding", "UCS2");
        ReceivedSubmit pdu = submitsTo("4915112340007").get(0);
        assertThat(pdu.dataCoding()).isEqualTo((byte) 0x08);
        assertThat(new String(pdu.shortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("Привет 👋");
    }

    @Test
    void rest_api_requires_credentials() {
        assertThat(anonymous.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // another user: a wrong password locks the user for a few seconds (Camunda's login throttling)
        assertThat(anonymous.withBasicAuth("mallory", "wrong").getForEntity("/engine-rest/process-definition",
                String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.postForEntity("/api/simulator/mo", Map.of("from", "+4915112340009", "to", "SMSFlows",
                "text", "YES"), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.withBasicAuth("demo", "demo").getForEntity("/engine-rest/process-definition",
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void inbound_reply_from_the_simulator_is_stored() {
        var response = anonymous.withBasicAuth("demo", "demo").postForEntity("/api/simulator/mo",
                Map.of("from", "+4915112340008", "to", "SMSFlows", "text", "YES"), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }
}
