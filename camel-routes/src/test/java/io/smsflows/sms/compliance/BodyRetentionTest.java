package io.smsflows.sms.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.sms.inbound.RawMo;
import io.smsflows.sms.outbox.OutboundSms;
import io.smsflows.sms.outbox.SmsMessage;
import io.smsflows.sms.receipt.ReceiptState;
import io.smsflows.sms.support.TestPipeline;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Texts erased after the retention, metadata kept; messages on their way and unprocessed replies untouched. */
class BodyRetentionTest {

    private final TestPipeline pipeline = new TestPipeline("retention");

    private String sendAndDeliver(String text) {
        String id = pipeline.outbox.enqueue(new OutboundSms("+33612345678", text, null, null,
                UUID.randomUUID().toString(), "pi-1", null, "Task_Send", null, null, false)).messageId();
        pipeline.dispatchAll();
        pipeline.receive(pipeline.smscId(id, 1), ReceiptState.DELIVERED);
        return id;
    }

    private SmsMessage message(String id) {
        return pipeline.messages.findById(id).orElseThrow();
    }

    @Test
    void a_final_message_loses_its_text_after_the_retention_and_keeps_everything_else() {
        BodyRetention retention = new BodyRetention(pipeline.jdbc, Duration.ofDays(30), 1, pipeline.clock);
        String delivered = sendAndDeliver("Votre code: 482913");
        String other = sendAndDeliver("Votre colis arrive");
        String waiting = pipeline.outbox.enqueue(new OutboundSms("+33612345679", "Pas encore parti", null, null,
                UUID.randomUUID().toString(), "pi-2", null, "Task_Send", null, null, false)).messageId();

        assertThat(retention.sweep()).as("nothing is old enough yet").isZero();
        pipeline.clock.advance(Duration.ofDays(31));
        assertThat(retention.sweep()).isEqualTo(2); // batches of one: the sweep repeats until none is left

        SmsMessage erased = message(delivered);
        assertThat(erased.body()).isEmpty();
        assertThat(erased.status().name()).isEqualTo("DELIVERED");
        assertThat(erased.parts()).isEqualTo(1);
        assertThat(erased.doneAt()).isNotNull();
        assertThat(message(other).body()).isEmpty();
        assertThat(message(waiting).body()).as("not final: its text is still needed").isEqualTo("Pas encore parti");
        assertThat(pipeline.jdbc.queryForObject("select count(*) from sms_message where body_erased_at is not null",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void without_storing_bodies_a_text_goes_at_the_first_sweep_after_the_message_is_final() {
        RetentionProperties noStore = new RetentionProperties();
        noStore.setStoreBodies(false);
        BodyRetention retention = new BodyRetention(pipeline.jdbc, noStore.keep(), 100, pipeline.clock);
        String id = sendAndDeliver("Votre code: 482913");
        pipeline.clock.advance(Duration.ofSeconds(1));

        retention.sweep();

        assertThat(message(id).body()).isEmpty();
    }

    @Test
    void a_reply_not_yet_processed_keeps_its_text() {
        BodyRetention retention = new BodyRetention(pipeline.jdbc, Duration.ZERO, 100, pipeline.clock);
        pipeline.jdbc.update("insert into sms_inbound (id, source_addr, dest_addr, body, data_coding, raw_hex, "
                + "received_at, status) values ('mo-1', '+33612345678', 'SMSFlows', 'OUI', 0, '4f5549', ?, 'NEW')",
                java.sql.Timestamp.from(pipeline.clock.instant()));
        pipeline.jdbc.update("insert into sms_inbound (id, source_addr, dest_addr, body, data_coding, raw_hex, "
                + "received_at, status) values ('mo-2', '+33612345678', 'SMSFlows', 'STOP', 0, '53544f50', ?, "
                + "'DONE')", java.sql.Timestamp.from(pipeline.clock.instant()));
        pipeline.clock.advance(Duration.ofSeconds(1));

        retention.sweep();

        Map<String, Object> fresh = pipeline.jdbc.queryForMap("select body, raw_hex from sms_inbound where id = 'mo-1'");
        Map<String, Object> done = pipeline.jdbc.queryForMap("select body, raw_hex from sms_inbound where id = 'mo-2'");
        assertThat(fresh).containsEntry("BODY", "OUI");
        assertThat(done.get("BODY")).isNull();
        assertThat(done.get("RAW_HEX")).isNull();
    }
}
