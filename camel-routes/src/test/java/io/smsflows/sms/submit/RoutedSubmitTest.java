package io.smsflows.sms.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.sms.batch.TextTemplates;
import io.smsflows.sms.carrier.CarrierProperties.Carrier;
import io.smsflows.sms.carrier.CarrierProperties.Route;
import io.smsflows.sms.carrier.CarrierRouter;
import io.smsflows.sms.outbox.OutboundSms;
import io.smsflows.sms.outbox.SmsMessage;
import io.smsflows.sms.smpp.PartSubmission;
import io.smsflows.sms.smpp.SubmitFailure;
import io.smsflows.sms.smpp.SubmitResult;
import io.smsflows.sms.support.TestPipeline;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Routing in the submit stage, on a real database: what is recorded, failover, and parts that stay together. */
class RoutedSubmitTest {

    private static final String DE = "+4915112345678";
    private static final String FR = "+33612345678";

    private final TestPipeline pipeline = new TestPipeline("routed", TextTemplates.NONE, router());

    /** German mobiles: primary, then backup; nothing else is routed. */
    private static CarrierRouter router() {
        Map<String, Carrier> carriers = new LinkedHashMap<>();
        carriers.put("primary", new Carrier());
        carriers.put("backup", new Carrier());
        Route de = new Route();
        de.setName("de-mobile");
        de.getMatch().setPrefix(List.of("+4915"));
        de.setTargets(List.of("primary", "backup"));
        return new CarrierRouter(carriers, List.of(de), n -> "");
    }

    private String queue(String to, String text) {
        return pipeline.outbox.enqueue(new OutboundSms(to, text, null, null, UUID.randomUUID().toString(), "pi-1",
                null, "Task_Send", null, null, false)).messageId();
    }

    private SmsMessage message(String id) {
        return pipeline.messages.findById(id).orElseThrow();
    }

    @Test
    void every_message_records_its_rule_and_carrier_and_its_parts_go_there() {
        String id = queue(DE, "x".repeat(200));

        pipeline.dispatchAll();

        assertThat(message(id).routeRule()).isEqualTo("de-mobile");
        assertThat(message(id).carrier()).isEqualTo("primary");
        assertThat(pipeline.wire.submitted()).extracting(PartSubmission::carrier).containsExactly("primary", "primary");
    }

    @Test
    void a_carrier_that_is_down_leaves_routing_and_comes_back_when_it_is_up() {
        pipeline.wire.down("primary");
        String first = queue(DE, "Hi");
        pipeline.dispatchAll();
        assertThat(message(first).carrier()).isEqualTo("backup");

        pipeline.wire.up("primary");
        String second = queue(DE, "Hi again");
        pipeline.dispatchAll();
        assertThat(message(second).carrier()).isEqualTo("primary");
    }

    @Test
    void with_every_carrier_down_a_message_waits_in_the_queue_without_using_attempts() {
        pipeline.outboxConfig.setMaxAttempts(2);
        pipeline.wire.down("primary", "backup");
        String id = queue(DE, "Hi");

        for (int i = 0; i < 3; i++) {
            pipeline.dispatchAll();
            assertThat(pipeline.status(id)).isEqualTo("QUEUED");
            assertThat(message(id).errorCode()).isEqualTo(ChunkSubmitter.NO_CARRIER);
            pipeline.clock.advance(Duration.ofSeconds(10));
        }
        assertThat(pipeline.wire.submitted()).isEmpty();
        assertThat(message(id).attempts()).isZero();

        pipeline.wire.up("backup");
        pipeline.dispatchAll();
        assertThat(pipeline.status(id)).isEqualTo("SUBMITTED");
        assertThat(message(id).carrier()).isEqualTo("backup");
    }

    @Test
    void a_message_no_rule_matches_fails_with_no_route_and_never_reaches_the_wire() {
        String id = queue(FR, "Bonjour");

        pipeline.dispatchAll();

        assertThat(message(id).status().name()).isEqualTo("FAILED");
        assertThat(message(id).errorCode()).isEqualTo(ChunkSubmitter.NO_ROUTE);
        assertThat(message(id).errorText()).contains("FR", "smsflows.routes");
        assertThat(pipeline.wire.submitted()).isEmpty();
        assertThat(pipeline.signals.outcomes).containsExactly(id);
    }

    @Test
    void the_missing_parts_of_a_throttled_message_follow_its_first_parts_and_accepted_parts_are_not_sent_again() {
        AtomicBoolean throttling = new AtomicBoolean(true);
        pipeline.wire.answer(p -> p.part().number() == 2 && throttling.get()
                ? SubmitResult.failed(new SubmitFailure(true, "0x00000058", "throttled", null)) : null);
        String id = queue(DE, "x".repeat(200));
        pipeline.dispatchAll();
        assertThat(pipeline.status(id)).isEqualTo("QUEUED");
        assertThat(message(id).attempts()).as("throttling uses no attempt").isZero();

        // primary goes down while part 2 waits: it stays with part 1 on primary and waits for it
        pipeline.wire.down("primary");
        throttling.set(false);
        pipeline.clock.advance(Duration.ofSeconds(10));
        pipeline.dispatchAll();
        assertThat(pipeline.status(id)).isEqualTo("QUEUED");

        pipeline.wire.up("primary");
        pipeline.clock.advance(Duration.ofSeconds(10));
        pipeline.dispatchAll();
        assertThat(pipeline.status(id)).isEqualTo("SUBMITTED");
        assertThat(pipeline.wire.submitted()).extracting(p -> p.part().number() + "@" + p.carrier())
                .containsExactly("1@primary", "2@primary", "2@primary");
        assertThat(message(id).possibleDuplicates()).isZero();
    }

    @Test
    void a_sender_over_its_cap_waits_in_the_queue_and_its_parts_count() {
        String longCode = "+14155550100";
        TestPipeline capped = new TestPipeline("capped", TextTemplates.NONE, router(), Map.of(longCode, 1.0));
        java.util.function.BiFunction<String, String, String> send = (sender, text) -> capped.outbox.enqueue(
                new OutboundSms(DE, text, sender, null, UUID.randomUUID().toString(), "pi-1", null, "Task_Send",
                        null, null, false)).messageId();
        String twoParts = send.apply(longCode, "x".repeat(200));
        String second = send.apply(longCode, "Hi");
        String other = send.apply("SHOP", "Hi");

        capped.dispatchAll();
        assertThat(capped.status(twoParts)).isEqualTo("SUBMITTED");
        assertThat(capped.status(other)).as("other senders are not held up").isEqualTo("SUBMITTED");
        assertThat(capped.status(second)).isEqualTo("QUEUED");
        assertThat(capped.messages.findById(second).orElseThrow().errorCode()).isEqualTo(ChunkSubmitter.SENDER_RATE);

        capped.clock.advance(Duration.ofMillis(1500));
        capped.dispatchAll();
        assertThat(capped.status(second)).as("two parts took two seconds of the cap").isEqualTo("QUEUED");
        capped.clock.advance(Duration.ofMillis(600));
        capped.dispatchAll();
        assertThat(capped.status(second)).isEqualTo("SUBMITTED");
        assertThat(capped.messages.findById(second).orElseThrow().attempts()).isZero();
    }
}
