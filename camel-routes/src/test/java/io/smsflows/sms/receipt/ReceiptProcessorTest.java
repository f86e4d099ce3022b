package io.smsflows.sms.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.sms.codec.StandardSmsEncoder;
import io.smsflows.sms.config.SmsFlowsProperties;
import io.smsflows.sms.config.SmsFlowsSchema;
import io.smsflows.sms.outbox.MessageStatus;
import io.smsflows.sms.outbox.OutboundSms;
import io.smsflows.sms.outbox.PartStatus;
import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.outbox.SmsOutbox;
import io.smsflows.sms.outbox.SmsPart;
import io.smsflows.sms.support.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Receipts against real tables (H2): matching, early receipts, duplicates, unknown ids, multi-part outcomes. */
class ReceiptProcessorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final AtomicInteger outcomeWakes = new AtomicInteger();
    private SmsMessageRepository messages;
    private ReceiptRepository receipts;
    private ReceiptProcessor processor;
    private SmsOutbox outbox;

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:receipts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new SmsFlowsSchema(ds);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        messages = new SmsMessageRepository(jdbc);
        receipts = new ReceiptRepository(jdbc);
        SmsFlowsProperties properties = new SmsFlowsProperties();
        processor = new ReceiptProcessor(receipts, messages, properties.getReceipts(), outcomeWakes::incrementAndGet,
                clock);
        outbox = new SmsOutbox(messages, new StandardSmsEncoder(), properties, () -> { }, clock, null);
    }

    /** Queues a message for a process and gives its parts these SMSC ids, as the submitter would. */
    private String submitted(String text, String... smscIds) {
        String id = outbox.enqueue(new OutboundSms("+4915112345678", text, null, null, UUID.randomUUID().toString(),
                "pi-1", "bk", "Task_Send", null, null, false)).messageId();
        messages.claimDue("node", clock.instant(), clock.instant().plusSeconds(60), 10);
        messages.insertParts(id, smscIds.length);
        for (int i = 0; i < smscIds.length; i++) {
            messages.partSubmitted(id, i + 1, SmscMessageIds.normalise(smscIds[i]), clock.instant());
        }
        messages.refresh(id, clock.instant());
        return id;
    }

    private String receive(String id, ReceiptState state) {
        String receiptId = processor.store(new DeliveryReceipt(SmscMessageIds.normalise(id), id, state, null, null,
                null, "4915112345678", "SMSFlows", "id:" + id));
        processor.process(receiptId);
        return receiptId;
    }

    @Test
    void delivered_receipt_delivers_the_message_and_wakes_the_outcome() {
        String id = submitted("Hi", "A1");
        assertThat(messages.findById(id).orElseThrow().status()).isEqualTo(MessageStatus.SUBMITTED);

        String r = receive("a1", ReceiptState.DELIVERED);

        assertThat(messages.findById(id).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(receipts.findById(r).orElseThrow().status()).isEqualTo(ReceiptRepository.Status.APPLIED);
        assertThat(outcomeWakes).hasValue(1);
    }

    @Test
    void decimal_receipt_id_matches_hex_submit_id() {
        String id = submitted("Hi", "1A2B3C");
        receive("1715004", ReceiptState.DELIVERED);
        assertThat(messages.findById(id).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void duplicate_receipt_changes_nothing() {
        String id = submitted("Hi", "B2");
        receive("B2", ReceiptState.DELIVERED);
        String dup = receive("B2", ReceiptState.UNDELIVERABLE);
        assertThat(receipts.findById(dup).orElseThrow().status()).isEqualTo(ReceiptRepository.Status.DUPLICATE);
        assertThat(messages.findById(id).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(outcomeWakes).hasValue(1);
    }

    @Test
    void multipart_is_delivered_only_when_every_part_is_and_failed_if_any_part_fails() {
        String ok = submitted("x", "C1", "C2");
        receive("C1", ReceiptState.DELIVERED);
        assertThat(messages.findById(ok).orElseThrow().status()).isEqualTo(MessageStatus.SUBMITTED);
        receive("C2", ReceiptState.DELIVERED);
        assertThat(messages.findById(ok).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);

        String bad = submitted("y", "D1", "D2");
        receive("D2", ReceiptState.EXPIRED);
        assertThat(messages.findById(bad).orElseThrow().status()).isEqualTo(MessageStatus.FAILED);
        assertThat(messages.findById(bad).orElseThrow().errorText()).contains("part 2 of 2");
    }

    @Test
    void early_receipt_is_kept_and_applied_when_the_part_gets_its_id() {
        String early = receive("E1", ReceiptState.DELIVERED);
        assertThat(receipts.findById(early).orElseThrow().status()).isEqualTo(ReceiptRepository.Status.UNMATCHED);

        String id = outbox.enqueue(OutboundSms.standalone("+4915112345678", "Hi", "k-early")).messageId();
        messages.claimDue("node", clock.instant(), clock.instant().plusSeconds(60), 10);
        messages.insertParts(id, 1);
        messages.partSubmitted(id, 1, "e1", clock.instant());
        processor.partSubmitted("e1");

        assertThat(receipts.findById(early).orElseThrow().status()).isEqualTo(ReceiptRepository.Status.APPLIED);
        assertThat(messages.parts(id)).extracting(SmsPart::status).containsExactly(PartStatus.DELIVERED);
        assertThat(messages.findById(id).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void unknown_id_is_retried_by_the_sweep_then_kept_as_orphan() {
        String r = receive("F404", ReceiptState.DELIVERED);
        clock.advance(Duration.ofSeconds(2));
        processor.sweep();
        assertThat(receipts.findById(r).orElseThrow().status()).isEqualTo(ReceiptRepository.Status.UNMATCHED);
        assertThat(receipts.findById(r).orElseThrow().attempts()).isEqualTo(2);

        clock.advance(Duration.ofHours(49));
        processor.sweep();
        assertThat(receipts.findById(r).orElseThrow().status()).isEqualTo(ReceiptRepository.Status.ORPHAN);
    }

    @Test
    void receipt_without_any_id_is_stored_as_orphan() {
        String r = processor.store(DeliveryReceiptParser.parse("garbage", Map.of(), "1", "2"));
        assertThat(receipts.findById(r).orElseThrow().status()).isEqualTo(ReceiptRepository.Status.ORPHAN);
    }

    @Test
    void submitted_message_without_final_receipts_expires_after_the_timeout() {
        String id = submitted("Hi", "G1");
        clock.advance(Duration.ofHours(73));
        processor.sweep();
        assertThat(messages.findById(id).orElseThrow().status()).isEqualTo(MessageStatus.EXPIRED);
        assertThat(messages.findById(id).orElseThrow().errorCode()).isEqualTo("NO_RECEIPT");
    }
}
