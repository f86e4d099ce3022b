package io.smsflows.sms.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.sms.batch.BatchRecipient;
import io.smsflows.sms.batch.BatchRequest;
import io.smsflows.sms.outbox.OutboundSms;
import io.smsflows.sms.support.TestPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * For any interleaving of single sends, batches, dispatch rounds and opt-outs, run concurrently on several threads
 * against a real database: no message starts on the wire for a number after its opt-out was committed, except the
 * one consent confirmation. Messages are admitted through the gate a chunk at a time (several recipients locked
 * together); the wire sleeps between the gate's check and the answer to widen the window an unguarded check loses.
 */
class OptOutGatePropertyTest {

    private static final String[] NUMBERS = {"+33612345601", "+33612345602", "+33612345603"};
    private static final String CONFIRMATION = "You are unsubscribed.";

    sealed interface Op permits Send, Batch, Dispatch, OptOut {
    }

    record Send(int number, boolean consent, String text) implements Op {
    }

    record Batch(List<Integer> numbers) implements Op {
    }

    record Dispatch() implements Op {
    }

    record OptOut(int number) implements Op {
    }

    record WireEvent(String recipient, long seq, int part, String messageId, boolean confirmation) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Integer> number = Arbitraries.integers().between(0, NUMBERS.length - 1);
        Arbitrary<Op> send = number.flatMap(n -> Arbitraries.of(true, false, false, false)
                .flatMap(consent -> Arbitraries.of("Reminder: tomorrow 10:00", "x".repeat(300))
                        .map(text -> (Op) new Send(n, consent, text))));
        Arbitrary<Op> batch = number.list().ofMinSize(1).ofMaxSize(3).uniqueElements().map(Batch::new);
        Arbitrary<Op> optOut = number.map(OptOut::new);
        return Arbitraries.frequencyOf(Tuple.of(4, send), Tuple.of(2, batch), Tuple.of(3, Arbitraries.just(new Dispatch())),
                Tuple.of(1, optOut)).list().ofMinSize(5).ofMaxSize(40);
    }

    @Property(tries = 40)
    void nothing_starts_on_the_wire_after_an_opt_out_but_the_one_confirmation(@ForAll("operations") List<Op> ops)
            throws Exception {
        TestPipeline pipeline = new TestPipeline("gate");
        pipeline.outboxConfig.setChunkSize(2);
        AtomicLong sequence = new AtomicLong();
        List<WireEvent> wire = new CopyOnWriteArrayList<>();
        Map<String, Long> optedOutAt = new ConcurrentHashMap<>();
        pipeline.wire.answer(part -> {
            sleepBriefly(); // widen the window between check and wire that an unguarded check would lose
            wire.add(new WireEvent(part.recipient(), sequence.incrementAndGet(), part.part().number(),
                    part.messageId(), part.part().text().startsWith(CONFIRMATION)));
            return null;
        });

        ConcurrentLinkedQueue<Op> queue = new ConcurrentLinkedQueue<>(ops);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            futures.add(threads.submit(() -> {
                Op op;
                while ((op = queue.poll()) != null) {
                    run(pipeline, op, optedOutAt, sequence);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();
        pipeline.dispatchAll();
        // the batches' counters moved with their messages, whatever the interleaving
        for (String batch : pipeline.jdbc.queryForList("select id from sms_batch", String.class)) {
            assertThat(pipeline.countersOf(batch)).as("counters of batch %s", batch).isEqualTo(pipeline.recount(batch));
        }

        for (Map.Entry<String, Long> optOut : optedOutAt.entrySet()) {
            List<WireEvent> after = wire.stream()
                    .filter(e -> e.recipient().equals(optOut.getKey()) && e.seq() > optOut.getValue()).toList();
            // a message is admitted (or not) as a whole: later parts of one admitted before may follow
            for (WireEvent e : after.stream().filter(e -> e.part() > 1).toList()) {
                assertThat(wire).as("first part of the message continued after the opt-out of %s", e.recipient())
                        .anyMatch(first -> first.messageId().equals(e.messageId()) && first.part() == 1
                                && (first.seq() < optOut.getValue() || first.confirmation()));
            }
            List<WireEvent> newMessages = after.stream().filter(e -> e.part() == 1).toList();
            assertThat(newMessages).as("messages started on the wire after the opt-out of %s", optOut.getKey())
                    .allMatch(WireEvent::confirmation)
                    .hasSizeLessThanOrEqualTo(1);
        }
    }

    private static void run(TestPipeline pipeline, Op op, Map<String, Long> optedOutAt, AtomicLong sequence) {
        if (op instanceof OptOut o) {
            pipeline.suppressions.suppress(NUMBERS[o.number()], Suppression.GLOBAL, ConsentSource.SMS, "STOP", "STOP",
                    null, null);
            optedOutAt.putIfAbsent(NUMBERS[o.number()], sequence.incrementAndGet());
        } else if (op instanceof Send s) {
            try {
                pipeline.outbox.enqueue(new OutboundSms(NUMBERS[s.number()], s.consent() ? CONFIRMATION : s.text(),
                        null, s.consent() ? OutboundSms.CONSENT : OutboundSms.TRANSACTIONAL,
                        UUID.randomUUID().toString(), null, null, null, null, null, false));
            } catch (RecipientSuppressedException refused) {
                // refused at the door: fine
            }
        } else if (op instanceof Batch b) {
            pipeline.batches.accept(BatchRequest.of("marketing", null, "Black Friday: -30% today", null, null, false,
                    null, null), b.numbers().stream().map(n -> BatchRecipient.of(NUMBERS[n], Map.of())).iterator());
        } else {
            pipeline.dispatchAll();
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
