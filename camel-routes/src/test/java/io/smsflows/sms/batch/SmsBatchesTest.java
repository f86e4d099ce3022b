package io.smsflows.sms.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smsflows.sms.consent.ConsentSource;
import io.smsflows.sms.consent.Suppression;
import io.smsflows.sms.preview.PricingProperties;
import io.smsflows.sms.receipt.ReceiptState;
import io.smsflows.sms.smpp.SubmitFailure;
import io.smsflows.sms.smpp.SubmitResult;
import io.smsflows.sms.support.TestPipeline;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Bulk sends on a real database: all or nothing, rejected rows with reasons, idempotency, counts, cancel. */
class SmsBatchesTest {

    private final TestPipeline pipeline = new TestPipeline("batches",
            (key, locale) -> switch (locale) {
                case "fr" -> "Bonjour {firstName}, -30% aujourd'hui";
                case "en" -> "Hi {firstName}, -30% today";
                default -> throw new IllegalArgumentException("no template " + key + " for " + locale);
            });
    private final SmsBatches batches = pipeline.batches;

    private static BatchRequest text(String text, String key) {
        return BatchRequest.of("marketing", "SHOP", text, null, null, false, key, "crm");
    }

    private int count(String sql, Object... args) {
        return pipeline.jdbc.queryForObject(sql, Integer.class, args);
    }

    @Test
    void rows_are_stored_with_their_text_and_bad_rows_are_rejected_with_a_reason() {
        BatchReceipt receipt = batches.accept(text("Hi {{firstName}}, -30% today: {{link}}", "bf-2026"), List.of(
                BatchRecipient.of("+33612345678", Map.of("firstName", "Ana", "link", "https://s.example/a")),
                BatchRecipient.of("0612345678", Map.of("firstName", "Bob", "link", "x")),
                BatchRecipient.of("+33612345679", Map.of("firstName", "Cy")),
                BatchRecipient.of("+33612345678", Map.of("firstName", "Ana", "link", "again")),
                new BatchRecipient("+4915112345678", "Hallo {{firstName}}", null, Map.of("firstName", "Dieter"), null),
                BatchRecipient.of("+4915112345679", Map.of("firstName", "x".repeat(1000), "link", "l")),
                BatchRecipient.unreadable("the line is not JSON")).iterator());

        assertThat(receipt.accepted()).isEqualTo(2);
        assertThat(receipt.rejectedCount()).isEqualTo(5);
        assertThat(receipt.rejected()).extracting(BatchRejection::index).containsExactly(1, 2, 3, 5, 6);
        assertThat(receipt.rejected().get(0).reason()).contains("E.164");
        assertThat(receipt.rejected().get(1).reason()).contains("'link'");
        assertThat(receipt.rejected().get(2).reason()).contains("earlier row");
        assertThat(receipt.rejected().get(3).reason()).contains("parts");
        assertThat(receipt.rejected().get(4).reason()).isEqualTo("the line is not JSON");
        assertThat(pipeline.jdbc.queryForList("select body from sms_message where batch_id = ? order by batch_index",
                String.class, receipt.id())).containsExactly("Hi Ana, -30% today: https://s.example/a",
                "Hallo Dieter");
        assertThat(batches.rejections(receipt.id(), 0, 100)).hasSize(5);
        BatchStatus status = batches.status(receipt.id()).orElseThrow();
        assertThat(status.total()).isEqualTo(7);
        assertThat(status.queued()).isEqualTo(2);
        assertThat(status.state()).isEqualTo(BatchState.ACCEPTED);
        assertThat(pipeline.signals.outboxWakes).hasValue(1);
    }

    @Test
    void the_same_idempotency_key_returns_the_same_batch_and_stores_nothing_new() {
        BatchReceipt first = batches.accept(text("Hi", "key-1"), List.of(BatchRecipient.of("+33612345678", Map.of()))
                .iterator());
        BatchReceipt again = batches.accept(text("Hi", "key-1"), List.of(BatchRecipient.of("+33612345678", Map.of()),
                BatchRecipient.of("+33612345679", Map.of())).iterator());

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.duplicate()).isTrue();
        assertThat(again.accepted()).isEqualTo(1);
        assertThat(count("select count(*) from sms_message")).isEqualTo(1);
    }

    @Test
    void a_request_that_fails_as_a_whole_leaves_nothing_behind() {
        pipeline.batchConfig.setMaxRecipients(3);
        Iterator<BatchRecipient> four = IntStream.range(0, 4)
                .mapToObj(i -> BatchRecipient.of("+3361234560" + i, Map.of())).iterator();
        assertThatThrownBy(() -> batches.accept(text("Hi", "too-many"), four))
                .isInstanceOf(BatchTooLargeException.class).hasMessageContaining("at most 3");

        Iterator<BatchRecipient> broken = new Iterator<>() {
            int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public BatchRecipient next() {
                if (n++ == 2) {
                    throw new IllegalArgumentException("malformed JSON at line 3");
                }
                return BatchRecipient.of("+3361234561" + n, Map.of());
            }
        };
        assertThatThrownBy(() -> batches.accept(text("Hi", "broken"), broken)).hasMessageContaining("malformed");
        assertThatThrownBy(() -> batches.accept(BatchRequest.of("spam", null, "Hi", null, null, false, null, null),
                List.of(BatchRecipient.of("+33612345678", Map.of())).iterator()))
                .hasMessageContaining("unknown SMS category 'spam'");
        assertThatThrownBy(() -> batches.accept(BatchRequest.of(null, null, "Hi", "promo", null, false, null, null),
                List.of(BatchRecipient.of("+33612345678", Map.of())).iterator())).hasMessageContaining("not both");
        assertThatThrownBy(() -> batches.accept(text("Hi", "empty"), List.<BatchRecipient>of().iterator()))
                .hasMessageContaining("no recipients");

        assertThat(count("select count(*) from sms_batch")).isZero();
        assertThat(count("select count(*) from sms_message")).isZero();
        assertThat(count("select count(*) from sms_batch_rejection")).isZero();
    }

    @Test
    void templates_come_in_each_recipients_language() {
        BatchReceipt receipt = batches.accept(BatchRequest.of("marketing", null, null, "black-friday", "en", false,
                null, null), List.of(new BatchRecipient("+33612345678", null, "fr", Map.of("firstName", "Ana"), null),
                BatchRecipient.of("+4915199990999", Map.of("firstName", "Bo")),
                new BatchRecipient("+4915112345678", null, "de", Map.of("firstName", "Dieter"), null)).iterator());

        assertThat(pipeline.jdbc.queryForList("select body from sms_message where batch_id = ? order by batch_index",
                String.class, receipt.id())).containsExactly("Bonjour Ana, -30% aujourd'hui", "Hi Bo, -30% today");
        assertThat(receipt.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("no template"));
    }

    @Test
    void numbers_that_opted_out_are_counted_as_suppressed_and_never_queued() {
        pipeline.suppressions.suppress("+33612345679", Suppression.GLOBAL, ConsentSource.SMS, "STOP", "STOP", null,
                null);
        BatchReceipt receipt = batches.accept(text("Hi", null), List.of(BatchRecipient.of("+33612345678", Map.of()),
                BatchRecipient.of("+33612345679", Map.of())).iterator());

        assertThat(receipt.accepted()).isEqualTo(2);
        pipeline.dispatchAll();
        assertThat(pipeline.wire.submitted()).singleElement()
                .satisfies(p -> assertThat(p.recipient()).isEqualTo("+33612345678"));
        BatchStatus status = batches.status(receipt.id()).orElseThrow();
        assertThat(pipeline.countersOf(receipt.id())).isEqualTo(pipeline.recount(receipt.id()));
        assertThat(status.suppressed()).isEqualTo(1);
        assertThat(status.submitted()).isEqualTo(1);
        assertThat(status.failed()).isZero();
    }

    @Test
    void counts_follow_the_messages_to_the_end_and_the_tracker_ends_the_batch() {
        pipeline.wire.answer(p -> p.recipient().endsWith("99")
                ? SubmitResult.failed(new SubmitFailure(false, "0x0000000b",
                "invalid destination", null)) : null);
        BatchReceipt receipt = batches.accept(text("Hi {{n}} " + "x".repeat(160), null), List.of(
                BatchRecipient.of("+33612345601", Map.of("n", "1")), BatchRecipient.of("+33612345602", Map.of("n", "2")),
                BatchRecipient.of("+33612345699", Map.of("n", "3"))).iterator());
        pipeline.dispatchAll();
        List<String> ids = pipeline.jdbc.queryForList("select id from sms_message where batch_id = ? "
                + "and status = 'SUBMITTED' order by batch_index", String.class, receipt.id());
        pipeline.receive(pipeline.smscId(ids.get(0), 1), ReceiptState.DELIVERED);
        pipeline.receive(pipeline.smscId(ids.get(0), 2), ReceiptState.DELIVERED);
        BatchTracker tracker = new BatchTracker(pipeline.batchRepository, (s, m) -> {
            throw new AssertionError("no process started this batch");
        }, pipeline.batchConfig, new PricingProperties(), pipeline.clock);
        tracker.track();

        BatchStatus midway = batches.status(receipt.id()).orElseThrow();
        assertThat(midway.state()).isEqualTo(BatchState.SENDING);
        assertThat(midway.delivered()).isEqualTo(1);
        assertThat(midway.submitted()).isEqualTo(1);
        assertThat(midway.failed()).isEqualTo(1);
        assertThat(midway.parts()).as("parts that reached the SMSC").isEqualTo(4);
        assertThat(midway.cost()).as("FR: 0.045 per part").isEqualByComparingTo("0.180");

        pipeline.receive(pipeline.smscId(ids.get(1), 1), ReceiptState.UNDELIVERABLE);
        tracker.track();
        BatchStatus done = batches.status(receipt.id()).orElseThrow();
        assertThat(pipeline.countersOf(receipt.id())).isEqualTo(pipeline.recount(receipt.id()))
                .isEqualTo(Map.of("delivered", 1, "failed", 2));
        assertThat(done.state()).isEqualTo(BatchState.DONE);
        assertThat(done.doneAt()).isNotNull();
        assertThat(done.finished()).isEqualTo(3);
    }

    @Test
    void cancel_stops_what_has_not_reached_the_wire() {
        BatchReceipt receipt = batches.accept(text("Hi", null), IntStream.range(0, 5)
                .mapToObj(i -> BatchRecipient.of("+3361234560" + i, Map.of())).iterator());

        BatchStatus cancelled = batches.cancel(receipt.id()).orElseThrow();
        pipeline.dispatchAll();

        assertThat(cancelled.state()).isEqualTo(BatchState.CANCELLED);
        assertThat(cancelled.cancelled()).isEqualTo(5);
        assertThat(pipeline.countersOf(receipt.id())).isEqualTo(pipeline.recount(receipt.id()));
        assertThat(pipeline.wire.submitted()).isEmpty();
        assertThat(batches.cancel("no-such-batch")).isEmpty();
    }

    @Test
    void messages_claimed_before_the_cancel_are_stopped_at_the_gate() {
        BatchReceipt receipt = batches.accept(text("Hi", null), IntStream.range(0, 3)
                .mapToObj(i -> BatchRecipient.of("+3361234560" + i, Map.of())).iterator());
        var round = pipeline.dispatcher.claim(); // claimed, not yet submitted
        batches.cancel(receipt.id());
        round.chunks().forEach(chunk -> pipeline.submitter.submit(chunk, pipeline.dispatcher.nodeId()));

        assertThat(pipeline.wire.submitted()).isEmpty();
        assertThat(batches.status(receipt.id()).orElseThrow().cancelled()).isEqualTo(3);
        assertThat(pipeline.countersOf(receipt.id())).isEqualTo(pipeline.recount(receipt.id()));
    }

    @Test
    void an_ended_batch_cannot_be_cancelled() {
        BatchReceipt receipt = batches.accept(text("Hi", null), List.of(BatchRecipient.of("+33612345601", Map.of()))
                .iterator());
        pipeline.dispatchAll();
        pipeline.receive(pipeline.smscId(pipeline.wire.submitted().get(0).messageId(), 1), ReceiptState.DELIVERED);
        new BatchTracker(pipeline.batchRepository, (s, m) -> null, pipeline.batchConfig,
                new PricingProperties(), pipeline.clock).track();

        assertThatThrownBy(() -> batches.cancel(receipt.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has ended");
    }
}
