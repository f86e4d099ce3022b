package io.smsflows.sms.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.sms.codec.InMemoryConcatReferences;
import io.smsflows.sms.codec.StandardSmsEncoder;
import io.smsflows.sms.config.SmsFlowsProperties;
import io.smsflows.sms.config.SmsFlowsSchema;
import io.smsflows.sms.outbox.OutboundSms;
import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.outbox.SmsOutbox;
import io.smsflows.sms.receipt.ReceiptProcessor;
import io.smsflows.sms.receipt.ReceiptRepository;
import io.smsflows.sms.smpp.SmppWire;
import io.smsflows.sms.smpp.SmsSubmitter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For any interleaving of sends and opt-outs, run concurrently on several threads against a real database: no
 * message reaches the wire for a number after its opt-out was stored, except the one consent confirmation.
 */
class OptOutGatePropertyTest {

    private static final String[] NUMBERS = {"+33612345601", "+33612345602", "+33612345603"};

    sealed interface Op permits Send, OptOut {
    }

    record Send(int number, boolean consent, String text) implements Op {
    }

    record OptOut(int number) implements Op {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> send = Arbitraries.integers().between(0, NUMBERS.length - 1)
                .flatMap(n -> Arbitraries.of(true, false, false, false)
                        .flatMap(consent -> Arbitraries.of("Reminder: tomorrow 10:00", "x".repeat(300))
                                .map(text -> (Op) new Send(n, consent, text))));
        Arbitrary<Op> optOut = Arbitraries.integers().between(0, NUMBERS.length - 1).map(OptOut::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, send), net.jqwik.api.Tuple.of(1, optOut)).list().ofMinSize(5).ofMaxSize(40);
    }

    @Property(tries = 40)
    void nothing_reaches_a_number_after_its_opt_out_but_the_one_confirmation(@ForAll("operations") List<Op> ops)
            throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:gate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        new SmsFlowsSchema(ds);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        Clock clock = Clock.systemUTC();
        SmsFlowsProperties properties = new SmsFlowsProperties();
        SmsMessageRepository messages = new SmsMessageRepository(jdbc);
        RecipientGate gate = new RecipientGate(ds);
        SuppressionList suppressions = new SuppressionList(jdbc, gate, clock);
        SmsOutbox outbox = new SmsOutbox(messages, new StandardSmsEncoder(), properties, () -> { }, clock, suppressions);
        AtomicLong sequence = new AtomicLong();
        List<WireEvent> wire = new CopyOnWriteArrayList<>();
        Map<String, Long> optedOutAt = new java.util.concurrent.ConcurrentHashMap<>();
        SmppWire recordingWire = (sender, recipient, part) -> {
            sleepBriefly(); // widen the window between check and wire that an unguarded check would lose
            long seq = sequence.incrementAndGet();
            int ref = part.total() > 1 ? part.shortMessage()[3] & 0xFF : -1;
            wire.add(new WireEvent(recipient, seq, part.number(), ref, part.text().startsWith(CONFIRMATION)));
            return Long.toHexString(System.nanoTime()) + seq;
        };
        ReceiptProcessor receipts = new ReceiptProcessor(new ReceiptRepository(jdbc), messages,
                properties.getReceipts(), () -> { }, clock);
        SmsSubmitter submitter = new SmsSubmitter(messages, new StandardSmsEncoder(), new InMemoryConcatReferences(),
                recordingWire, receipts, properties, () -> { }, clock, gate, suppressions);

        ConcurrentLinkedQueue<Op> queue = new ConcurrentLinkedQueue<>(ops);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            futures.add(threads.submit(() -> {
                Op op;
                while ((op = queue.poll()) != null) {
                    if (op instanceof OptOut o) {
                        suppressions.suppress(NUMBERS[o.number()], Suppression.GLOBAL, ConsentSource.SMS, "STOP",
                                "STOP", null, null);
                        optedOutAt.putIfAbsent(NUMBERS[o.number()], sequence.incrementAndGet());
                    } else if (op instanceof Send s) {
                        try {
                            outbox.enqueue(new OutboundSms(NUMBERS[s.number()], s.consent() ? CONFIRMATION : s.text(),
                                    null, s.consent() ? OutboundSms.CONSENT : OutboundSms.TRANSACTIONAL,
                                    UUID.randomUUID().toString(), null, null, null, null, null, false));
                        } catch (RecipientSuppressedException refused) {
                            continue; // refused at the door: fine
                        }
                        Instant now = Instant.now();
                        for (String id : messages.claimDue("node-" + Thread.currentThread().getId(), now,
                                now.plusSeconds(60), 10)) {
                            submitter.submit(id);
                        }
                    }
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        for (Map.Entry<String, Long> optOut : optedOutAt.entrySet()) {
            List<WireEvent> after = wire.stream()
                    .filter(e -> e.recipient().equals(optOut.getKey()) && e.seq() > optOut.getValue()).toList();
            // a message is admitted (or not) at its first part: later parts of one admitted before may follow
            for (WireEvent e : after.stream().filter(e -> e.part() > 1).toList()) {
                assertThat(wire).as("first part of the message continued after the opt-out of %s", e.recipient())
                        .anyMatch(first -> first.recipient().equals(e.recipient()) && first.ref() == e.ref()
                                && first.part() == 1 && first.seq() < optOut.getValue());
            }
            List<WireEvent> newMessages = after.stream().filter(e -> e.part() == 1).toList();
            assertThat(newMessages).as("messages started on the wire after the opt-out of %s", optOut.getKey())
                    .allMatch(WireEvent::confirmation)
                    .hasSizeLessThanOrEqualTo(1);
        }
    }

    private static final String CONFIRMATION = "You are unsubscribed.";

    record WireEvent(String recipient, long seq, int part, int ref, boolean confirmation) {
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
