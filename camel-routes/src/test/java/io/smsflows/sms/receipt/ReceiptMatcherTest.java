package io.smsflows.sms.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.sms.outbox.MessageStatus;
import io.smsflows.sms.outbox.OutboundSms;
import io.smsflows.sms.outbox.PartStatus;
import io.smsflows.sms.outbox.SmsPart;
import io.smsflows.sms.receipt.ReceiptRepository.StoredReceipt;
import io.smsflows.sms.support.TestPipeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Receipts against real tables (H2): matching in batches, early receipts, duplicates, unknown ids, multi-part. */
class ReceiptMatcherTest {

    private final TestPipeline pipeline = new TestPipeline("receipts");

    /** Queues a message for a process and submits it through the scripted wire; returns its id. */
    private String submitted(String text) {
        String id = pipeline.outbox.enqueue(new OutboundSms("+4915112345678", text, null, null,
                UUID.randomUUID().toString(), "pi-1", "bk", "Task_Send", null, null, false)).messageId();
        pipeline.dispatchAll();
        return id;
    }

    private String status(String id) {
        return pipeline.status(id);
    }

    @Test
    void delivered_receipt_delivers_the_message_and_hands_the_outcome_on() {
        String id = submitted("Hi");
        assertThat(status(id)).isEqualTo("SUBMITTED");

        String r = pipeline.receive(pipeline.smscId(id, 1), ReceiptState.DELIVERED);

        assertThat(status(id)).isEqualTo("DELIVERED");
        assertThat(pipeline.receipts.findById(r).orElseThrow().status()).isEqualTo(ReceiptRepository.Status.APPLIED);
        assertThat(pipeline.signals.outcomes).containsExactly(id);
    }

    @Test
    void a_batch_of_receipts_is_stored_and_applied_in_one_transaction_with_duplicates_within_it() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(pipeline.outbox.enqueue(OutboundSms.standalone("+49151123400" + (10 + i), "Hi " + i, "k" + i))
                    .messageId());
        }
        pipeline.dispatchAll();
        List<ReceiptStore.Pending> batch = new ArrayList<>();
        for (String id : ids) {
            batch.add(pending(receipt(pipeline.smscId(id, 1), ReceiptState.DELIVERED)));
        }
        ReceiptStore.Pending dup = pending(receipt(pipeline.smscId(ids.get(0), 1), ReceiptState.UNDELIVERABLE));
        batch.add(dup);
        ReceiptStore.Pending unknown = pending(receipt("FFFF1", ReceiptState.DELIVERED));
        batch.add(unknown);

        pipeline.store.insert(batch);

        assertThat(batch).allSatisfy(p -> assertThat(p.committed()).isCompleted());
        assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("DELIVERED"));
        assertThat(pipeline.receipts.findById(dup.receipt().id()).orElseThrow().status())
                .isEqualTo(ReceiptRepository.Status.DUPLICATE);
        assertThat(pipeline.receipts.findById(unknown.receipt().id()).orElseThrow().status())
                .isEqualTo(ReceiptRepository.Status.UNMATCHED);
        assertThat(pipeline.receipts.findById(batch.get(0).receipt().id()).orElseThrow().status())
                .isEqualTo(ReceiptRepository.Status.APPLIED);
        assertThat(pipeline.signals.outcomes).as("nobody waits for standalone messages").isEmpty();
    }

    private ReceiptStore.Pending pending(DeliveryReceipt r) {
        return new ReceiptStore.Pending(new StoredReceipt(UUID.randomUUID().toString(), r,
                ReceiptRepository.Status.NEW, 0, pipeline.clock.instant()), new java.util.concurrent.CompletableFuture<>());
    }

    @Test
    void decimal_receipt_id_matches_the_hex_id_of_submit_sm_resp() {
        String id = submitted("Hi");
        String hex = pipeline.smscId(id, 1);
        pipeline.receive(Long.toString(Long.parseLong(hex, 16)), ReceiptState.DELIVERED);
        assertThat(status(id)).isEqualTo("DELIVERED");
    }

    @Test
    void duplicate_receipt_changes_nothing() {
        String id = submitted("Hi");
        pipeline.receive(pipeline.smscId(id, 1), ReceiptState.DELIVERED);
        String dup = pipeline.receive(pipeline.smscId(id, 1), ReceiptState.UNDELIVERABLE);
        assertThat(pipeline.receipts.findById(dup).orElseThrow().status()).isEqualTo(ReceiptRepository.Status.DUPLICATE);
        assertThat(status(id)).isEqualTo("DELIVERED");
        assertThat(pipeline.signals.outcomes).containsExactly(id);
    }

    @Test
    void multipart_is_delivered_only_when_every_part_is_and_failed_if_any_part_fails() {
        String ok = submitted("x".repeat(200));
        pipeline.receive(pipeline.smscId(ok, 1), ReceiptState.DELIVERED);
        assertThat(status(ok)).isEqualTo("SUBMITTED");
        pipeline.receive(pipeline.smscId(ok, 2), ReceiptState.DELIVERED);
        assertThat(status(ok)).isEqualTo("DELIVERED");

        String bad = submitted("y".repeat(200));
        pipeline.receive(pipeline.smscId(bad, 2), ReceiptState.EXPIRED);
        assertThat(status(bad)).isEqualTo("FAILED");
        assertThat(pipeline.messages.findById(bad).orElseThrow().errorText()).contains("part 2 of 2");
    }

    @Test
    void parts_whose_receipts_are_stored_at_the_same_time_in_two_transactions_still_finish_their_message()
            throws Exception {
        // receipt batches are stored concurrently (store-threads): each transaction sees only its own part as final
        // unless the message row is locked before the parts are read
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(pipeline.outbox.enqueue(OutboundSms.standalone("+49151123400" + (10 + i), "z".repeat(200),
                    "two-parts-" + i)).messageId());
        }
        pipeline.dispatchAll();
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (String id : ids) {
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Future<?>> both = new ArrayList<>();
                for (int part = 1; part <= 2; part++) {
                    ReceiptStore.Pending p = pending(receipt(pipeline.smscId(id, part), ReceiptState.DELIVERED));
                    both.add(two.submit(() -> {
                        together.await();
                        pipeline.store.insert(List.of(p));
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : both) {
                    f.get();
                }
            }
        } finally {
            two.shutdownNow();
        }
        assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("DELIVERED"));
    }

    @Test
    void early_receipt_is_kept_and_applied_when_the_part_gets_its_id() {
        String smscId = "E1";
        String early = pipeline.receive(smscId, ReceiptState.DELIVERED);
        assertThat(pipeline.receipts.findById(early).orElseThrow().status())
                .isEqualTo(ReceiptRepository.Status.UNMATCHED);

        pipeline.wire.answer(p -> io.smsflows.sms.smpp.SubmitResult.accepted(smscId));
        String id = pipeline.outbox.enqueue(OutboundSms.standalone("+4915112345678", "Hi", "k-early")).messageId();
        pipeline.dispatchAll();
        assertThat(pipeline.signals.submittedIds).containsExactly("e1");
        pipeline.matcher.partsSubmitted(pipeline.signals.submittedIds);

        assertThat(pipeline.receipts.findById(early).orElseThrow().status()).isEqualTo(ReceiptRepository.Status.APPLIED);
        assertThat(pipeline.messages.parts(id)).extracting(SmsPart::status).containsExactly(PartStatus.DELIVERED);
        assertThat(status(id)).isEqualTo("DELIVERED");
    }

    @Test
    void unknown_id_is_retried_by_the_sweep_then_kept_as_orphan() {
        String r = pipeline.receive("F404", ReceiptState.DELIVERED);
        pipeline.clock.advance(Duration.ofSeconds(2));
        pipeline.matcher.sweep();
        assertThat(pipeline.receipts.findById(r).orElseThrow().status()).isEqualTo(ReceiptRepository.Status.UNMATCHED);
        assertThat(pipeline.receipts.findById(r).orElseThrow().attempts()).isEqualTo(2);

        pipeline.clock.advance(Duration.ofHours(49));
        pipeline.matcher.sweep();
        assertThat(pipeline.receipts.findById(r).orElseThrow().status()).isEqualTo(ReceiptRepository.Status.ORPHAN);
    }

    @Test
    void receipt_without_any_id_is_stored_as_orphan() {
        StoredReceipt r = pipeline.store.store(DeliveryReceiptParser.parse("garbage", Map.of(), "1", "2"));
        assertThat(pipeline.receipts.findById(r.id()).orElseThrow().status())
                .isEqualTo(ReceiptRepository.Status.ORPHAN);
    }

    @Test
    void a_receipt_that_cannot_be_matched_on_arrival_is_still_stored_and_the_sweep_applies_it() {
        String id = submitted("Hi");
        String smscId = pipeline.smscId(id, 1);
        pipeline.jdbc.execute("alter table sms_part rename to sms_part_gone");
        StoredReceipt r = pipeline.store.store(receipt(smscId, ReceiptState.DELIVERED));
        assertThat(pipeline.receipts.findById(r.id()).orElseThrow().status()).isEqualTo(ReceiptRepository.Status.NEW);

        pipeline.jdbc.execute("alter table sms_part_gone rename to sms_part");
        pipeline.matcher.sweep();

        assertThat(pipeline.receipts.findById(r.id()).orElseThrow().status()).isEqualTo(ReceiptRepository.Status.APPLIED);
        assertThat(status(id)).isEqualTo("DELIVERED");
    }

    @Test
    void a_receipt_the_database_refuses_is_reported_to_the_receiving_thread() {
        pipeline.jdbc.execute("drop table sms_receipt");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pipeline.store.store(receipt("A1",
                ReceiptState.DELIVERED))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("receipt not stored");
    }

    @Test
    void submitted_message_without_final_receipts_expires_after_the_timeout() {
        String id = submitted("Hi");
        pipeline.clock.advance(Duration.ofHours(73));
        pipeline.matcher.sweep();
        assertThat(pipeline.messages.findById(id).orElseThrow().status()).isEqualTo(MessageStatus.EXPIRED);
        assertThat(pipeline.messages.findById(id).orElseThrow().errorCode()).isEqualTo("NO_RECEIPT");
        assertThat(pipeline.signals.outcomes).containsExactly(id);
    }

    private static DeliveryReceipt receipt(String smscId, ReceiptState state) {
        return new DeliveryReceipt(SmscMessageIds.normalise(smscId), smscId, state, null, null, null, "4915112345678",
                "SMSFlows", "id:" + smscId);
    }
}
