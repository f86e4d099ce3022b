package io.smsflows.sms.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smsflows.sms.codec.SmsTooLongException;
import io.smsflows.sms.number.InvalidPhoneNumberException;
import io.smsflows.sms.submit.ClaimedSms;
import io.smsflows.sms.support.TestPipeline;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox in real transactions: rollback sends nothing, a known key queues nothing, bad input queues nothing. */
class SmsOutboxTest {

    private final TestPipeline pipeline = new TestPipeline("outbox");
    private final SmsMessageRepository messages = pipeline.messages;
    private final SmsOutbox outbox = pipeline.outbox;
    private final TransactionTemplate tx = pipeline.transactions;
    private final JdbcTemplate jdbc = pipeline.jdbc;
    private final AtomicInteger wakes = pipeline.signals.outboxWakes;

    private List<ClaimedSms> claim(String node, Instant at, int limit) {
        return tx.execute(t -> messages.claimDue(node, at, at.plusSeconds(60), limit));
    }

    private int rows() {
        return jdbc.queryForObject("select count(*) from sms_message", Integer.class);
    }

    @Test
    void commit_queues_and_wakes_the_dispatcher_after_commit() {
        EnqueuedSms queued = tx.execute(s -> {
            EnqueuedSms q = outbox.enqueue(OutboundSms.standalone("+4915112345678", "Hello", "k1"));
            assertThat(wakes).as("not before commit").hasValue(0);
            return q;
        });
        assertThat(wakes).hasValue(1);
        assertThat(queued.parts()).isEqualTo(1);
        assertThat(messages.findById(queued.messageId()).orElseThrow().status()).isEqualTo(MessageStatus.QUEUED);
    }

    @Test
    void a_process_waits_for_the_outcome_unless_the_model_says_none() {
        String waited = outbox.enqueue(new OutboundSms("+4915112345678", "Hi", null, null, "k-wait", "pi-1", null,
                "Task_Send", null, null, false)).messageId();
        String notWaited = outbox.enqueue(new OutboundSms("+4915112345678", "Hi", null, null, "k-none", "pi-1", null,
                "Task_Confirm", OutboundSms.NO_OUTCOME, null, false)).messageId();
        assertThat(jdbc.queryForObject("select notify_status from sms_message where id = ?", String.class, waited))
                .isEqualTo("WAITING");
        assertThat(jdbc.queryForObject("select notify_status from sms_message where id = ?", String.class, notWaited))
                .isEqualTo("NONE");
    }

    @Test
    void rollback_queues_nothing_and_wakes_nobody() {
        tx.executeWithoutResult(s -> {
            outbox.enqueue(OutboundSms.standalone("+4915112345678", "Hello", "k2"));
            s.setRollbackOnly();
        });
        assertThat(rows()).isZero();
        assertThat(wakes).hasValue(0);
    }

    @Test
    void same_idempotency_key_returns_the_first_message_and_queues_nothing_new() {
        EnqueuedSms first = outbox.enqueue(OutboundSms.standalone("+4915112345678", "Hello", "k3"));
        EnqueuedSms again = outbox.enqueue(OutboundSms.standalone("+4915112345678", "Hello", "k3"));
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.duplicate()).isTrue();
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void bad_input_is_refused_before_anything_is_queued() {
        assertThatThrownBy(() -> outbox.enqueue(OutboundSms.standalone("+4915112345678", "x".repeat(919), "k4")))
                .isInstanceOf(SmsTooLongException.class).hasMessageContaining("7 parts").hasMessageContaining("6");
        assertThatThrownBy(() -> outbox.enqueue(OutboundSms.standalone("not a number", "Hi", "k5")))
                .isInstanceOf(InvalidPhoneNumberException.class);
        assertThatThrownBy(() -> outbox.enqueue(OutboundSms.standalone("+4915112345678", "", "k6")))
                .hasMessageContaining("text is missing");
        assertThatThrownBy(() -> outbox.enqueue(new OutboundSms("+4915112345678", "Hi", null, "spam", "k7", null,
                null, null, null, null, false))).hasMessageContaining("unknown SMS category 'spam'");
        assertThat(rows()).isZero();
    }

    @Test
    void claims_are_exclusive_and_an_expired_lease_is_taken_over_flagged_as_recovered() {
        EnqueuedSms q = outbox.enqueue(OutboundSms.standalone("+4915112345678", "Hello", "k8"));
        Instant now = pipeline.clock.instant();
        assertThat(claim("a", now, 10))
                .extracting(ClaimedSms::id).containsExactly(q.messageId());
        assertThat(claim("b", now, 10)).isEmpty();

        Instant later = now.plusSeconds(61); // node a died holding the row
        assertThat(messages.recoverExpiredLeases(now)).as("lease still valid").isZero();
        assertThat(messages.recoverExpiredLeases(later)).isEqualTo(1);
        assertThat(claim("b", later, 10))
                .singleElement().satisfies(c -> {
                    assertThat(c.id()).isEqualTo(q.messageId());
                    assertThat(c.recovered()).as("parts may be on the wire").isTrue();
                });
    }

    @Test
    void a_claim_takes_due_rows_only_oldest_first_and_at_most_the_limit() {
        for (int i = 0; i < 5; i++) {
            outbox.enqueue(OutboundSms.standalone("+49151123456" + (10 + i), "Hello " + i, "k-limit-" + i));
            pipeline.clock.advance(java.time.Duration.ofMillis(10));
        }
        Instant now = pipeline.clock.instant();
        assertThat(claim("a", now, 3))
                .extracting(ClaimedSms::body).containsExactly("Hello 0", "Hello 1", "Hello 2");
        assertThat(claim("a", now, 3))
                .extracting(ClaimedSms::body).containsExactly("Hello 3", "Hello 4");
    }
}
