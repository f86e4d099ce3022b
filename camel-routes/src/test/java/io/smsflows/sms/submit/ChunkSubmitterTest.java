package io.smsflows.sms.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smsflows.sms.consent.ConsentSource;
import io.smsflows.sms.consent.Suppression;
import io.smsflows.sms.outbox.OutboundSms;
import io.smsflows.sms.outbox.SmsMessage;
import io.smsflows.sms.smpp.PartSubmission;
import io.smsflows.sms.smpp.SubmitFailure;
import io.smsflows.sms.smpp.SubmitResult;
import io.smsflows.sms.support.TestPipeline;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The submit stage on a real database: answers recorded in batches, failures classified, the gate, take-overs. */
class ChunkSubmitterTest {

    private static final String TO = "+4915112345678";
    private final TestPipeline pipeline = new TestPipeline("submit");

    private String queue(String text) {
        return pipeline.outbox.enqueue(new OutboundSms(TO, text, null, null, UUID.randomUUID().toString(), "pi-1",
                null, "Task_Send", null, null, false)).messageId();
    }

    private SmsMessage message(String id) {
        return pipeline.messages.findById(id).orElseThrow();
    }

    private static SubmitResult refused(String code, boolean transientFailure) {
        return SubmitResult.failed(new SubmitFailure(transientFailure, code, "SMSC said " + code, null));
    }

    @Test
    void every_part_accepted_means_submitted_with_one_id_per_part() {
        String id = queue("x".repeat(200));

        pipeline.dispatchAll();

        assertThat(pipeline.status(id)).isEqualTo("SUBMITTED");
        assertThat(pipeline.messages.parts(id)).hasSize(2).allSatisfy(p -> assertThat(p.smscMessageId()).isNotNull());
        assertThat(pipeline.signals.submittedIds).hasSize(2);
        assertThat(pipeline.wire.submitted()).extracting(p -> p.part().number()).containsExactly(1, 2);
    }

    @Test
    void a_permanent_refusal_fails_the_message_at_once_and_hands_the_outcome_on() {
        pipeline.wire.answer(p -> p.part().number() == 2 ? refused("0x0000000b", false) : null);
        String id = queue("x".repeat(200));

        pipeline.dispatchAll();

        assertThat(message(id).status().name()).isEqualTo("FAILED");
        assertThat(message(id).errorCode()).isEqualTo("0x0000000b");
        assertThat(message(id).attempts()).isZero();
        assertThat(pipeline.signals.outcomes).containsExactly(id);
    }

    @Test
    void a_transient_failure_retries_with_backoff_and_sends_only_the_missing_part() {
        AtomicBoolean busy = new AtomicBoolean(true);
        pipeline.wire.answer(p -> p.part().number() == 2 && busy.get() ? refused("0x00000008", true) : null);
        String id = queue("x".repeat(200));

        pipeline.dispatchAll();
        assertThat(pipeline.status(id)).isEqualTo("QUEUED");
        assertThat(message(id).attempts()).isEqualTo(1);
        assertThat(pipeline.dispatchAll()).as("not due before the backoff").isZero();

        busy.set(false);
        pipeline.clock.advance(Duration.ofSeconds(3));
        pipeline.dispatchAll();

        assertThat(pipeline.status(id)).isEqualTo("SUBMITTED");
        assertThat(pipeline.wire.submitted()).extracting(p -> p.part().number()).containsExactly(1, 2, 2);
        assertThat(message(id).possibleDuplicates()).as("a refused part is not a duplicate").isZero();
    }

    @Test
    void a_throttled_message_goes_back_to_the_queue_without_using_an_attempt() {
        pipeline.outboxConfig.setMaxAttempts(2);
        AtomicBoolean busy = new AtomicBoolean(true);
        pipeline.wire.answer(p -> busy.get() ? refused("0x00000058", true) : null);
        String id = queue("Hi");

        for (int i = 0; i < 3; i++) { // more throttled rounds than max-attempts
            pipeline.dispatchAll();
            assertThat(pipeline.status(id)).isEqualTo("QUEUED");
            pipeline.clock.advance(Duration.ofSeconds(10));
        }
        assertThat(message(id).attempts()).isZero();
        busy.set(false);
        pipeline.dispatchAll();
        assertThat(pipeline.status(id)).isEqualTo("SUBMITTED");
    }

    @Test
    void a_part_left_unanswered_is_counted_as_a_possible_duplicate_when_sent_again() {
        AtomicBoolean lost = new AtomicBoolean(true);
        pipeline.wire.answer(p -> lost.getAndSet(false) ? refused("TIMEOUT", true) : null);
        String id = queue("Hi");

        pipeline.dispatchAll();
        pipeline.clock.advance(Duration.ofSeconds(10));
        pipeline.dispatchAll();

        assertThat(pipeline.status(id)).isEqualTo("SUBMITTED");
        assertThat(message(id).possibleDuplicates()).isEqualTo(1);
    }

    @Test
    void transient_failures_give_up_after_the_configured_attempts() {
        pipeline.outboxConfig.setMaxAttempts(2);
        pipeline.wire.answer(p -> refused("TIMEOUT", true));
        String id = queue("Hi");

        pipeline.dispatchAll();
        pipeline.clock.advance(Duration.ofMinutes(10));
        pipeline.dispatchAll();

        assertThat(pipeline.status(id)).isEqualTo("FAILED");
        assertThat(message(id).errorText()).contains("gave up after 2 attempts");
        assertThat(pipeline.signals.outcomes).containsExactly(id);
    }

    @Test
    void two_long_messages_to_one_number_in_one_chunk_get_different_references() {
        String a = queue("a".repeat(200));
        String b = queue("b".repeat(200));

        pipeline.dispatchAll();

        assertThat(message(a).concatRef()).isNotEqualTo(message(b).concatRef());
        List<PartSubmission> wire = pipeline.wire.submitted();
        assertThat(wire).hasSize(4);
        assertThat(wire.stream().map(p -> p.part().shortMessage()[3]).distinct()).hasSize(2);
    }

    @Test
    void after_an_opt_out_only_one_confirmation_passes_the_gate() {
        String before = queue("Reminder");
        pipeline.suppressions.suppress(TO, Suppression.GLOBAL, ConsentSource.SMS, "STOP", "STOP", null, null);
        String confirmation = pipeline.outbox.enqueue(new OutboundSms(TO, "You are unsubscribed", null,
                OutboundSms.CONSENT, "c1", null, null, null, null, null, false)).messageId();
        String second = pipeline.outbox.enqueue(new OutboundSms(TO, "You are unsubscribed", null,
                OutboundSms.CONSENT, "c2", null, null, null, null, null, false)).messageId();

        pipeline.dispatchAll();

        assertThat(pipeline.status(before)).isEqualTo("FAILED");
        assertThat(message(before).errorCode()).isEqualTo("SUPPRESSED");
        assertThat(pipeline.status(confirmation)).isEqualTo("SUBMITTED");
        assertThat(pipeline.status(second)).isEqualTo("FAILED");
        assertThat(pipeline.wire.submitted()).singleElement()
                .satisfies(p -> assertThat(p.messageId()).isEqualTo(confirmation));
    }

    @Test
    void a_failure_before_the_wire_gives_the_chunk_back_at_once() {
        String id = queue("Hi");
        pipeline.jdbc.execute("alter table sms_suppression rename to sms_suppression_gone");

        OutboxRound round = new OutboxRound(pipeline);
        assertThatThrownBy(round::submitAll).isInstanceOf(RuntimeException.class);

        assertThat(pipeline.status(id)).isEqualTo("QUEUED");
        assertThat(pipeline.wire.submitted()).isEmpty();
        pipeline.jdbc.execute("alter table sms_suppression_gone rename to sms_suppression");
        pipeline.dispatchAll();
        assertThat(pipeline.status(id)).isEqualTo("SUBMITTED");
    }

    @Test
    void a_crash_between_the_wire_and_the_ids_resends_after_the_lease_and_counts_possible_duplicates() {
        String id = queue("x".repeat(200));
        AtomicBoolean crash = new AtomicBoolean(true);
        pipeline.wire.answer(p -> {
            if (crash.get() && p.part().number() == 2) {
                // the node dies after the SMSC answered, before the answers are recorded
                pipeline.jdbc.execute("alter table sms_part rename to sms_part_gone");
            }
            return null;
        });
        OutboxRound round = new OutboxRound(pipeline);
        assertThatThrownBy(round::submitAll).isInstanceOf(RuntimeException.class);
        pipeline.jdbc.execute("alter table sms_part_gone rename to sms_part");
        crash.set(false);
        assertThat(pipeline.status(id)).as("claimed until the lease runs out").isEqualTo("SENDING");
        assertThat(pipeline.dispatchAll()).isZero();

        pipeline.clock.advance(pipeline.outboxConfig.getLease().plusSeconds(1));
        assertThat(pipeline.dispatcher.recoverLeases()).isEqualTo(1);
        pipeline.dispatchAll();

        assertThat(pipeline.status(id)).isEqualTo("SUBMITTED");
        assertThat(pipeline.wire.submittedTo(TO)).hasSize(4);
        assertThat(message(id).possibleDuplicates()).isEqualTo(2);
    }

    /** One claim round whose chunks are submitted by hand (the failure tests look at what is left). */
    private static final class OutboxRound {
        private final TestPipeline pipeline;

        OutboxRound(TestPipeline pipeline) {
            this.pipeline = pipeline;
        }

        void submitAll() {
            for (List<ClaimedSms> chunk : pipeline.dispatcher.claim().chunks()) {
                try {
                    pipeline.submitter.submit(chunk, pipeline.dispatcher.nodeId());
                } finally {
                    pipeline.dispatcher.done(chunk.size());
                }
            }
        }
    }
}
