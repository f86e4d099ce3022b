package io.smsflows.sms.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.sms.batch.TextTemplates;
import io.smsflows.sms.carrier.CarrierProperties;
import io.smsflows.sms.carrier.CarrierRouter;
import io.smsflows.sms.compliance.FrequencyCaps;
import io.smsflows.sms.compliance.QuietHours;
import io.smsflows.sms.outbox.OutboundSms;
import io.smsflows.sms.outbox.SmsMessage;
import io.smsflows.sms.support.TestPipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How often one number receives marketing, checked at the wire on a real database. */
class FrequencyCapsTest {

    private static final String TO = "+33612345678";

    private static TestPipeline pipeline(FrequencyCaps caps) {
        return new TestPipeline("frequency", TextTemplates.NONE, CarrierRouter.single(CarrierProperties.DEFAULT),
                Map.of(), QuietHours.NONE, false, caps);
    }

    private static String queue(TestPipeline p, String category) {
        return p.outbox.enqueue(new OutboundSms(TO, "Offre", "SHOP", category, UUID.randomUUID().toString(), "pi-1",
                null, "Task_Send", null, null, false)).messageId();
    }

    private static SmsMessage message(TestPipeline p, String id) {
        return p.messages.findById(id).orElseThrow();
    }

    @Test
    void over_the_daily_cap_a_marketing_message_is_not_sent_and_says_why_but_transactional_goes() {
        TestPipeline p = pipeline(new FrequencyCaps(2, 0, Duration.ZERO));
        String first = queue(p, "marketing");
        String second = queue(p, "marketing");
        String third = queue(p, "marketing"); // same chunk: the ones let through count at once
        String receipt = queue(p, "transactional");

        p.dispatchAll();

        assertThat(p.status(first)).isEqualTo("SUBMITTED");
        assertThat(p.status(second)).isEqualTo("SUBMITTED");
        assertThat(message(p, third).errorCode()).isEqualTo(ChunkSubmitter.CAPPED);
        assertThat(message(p, third).errorText()).contains("24 hours").contains("marketing-per-day")
                .doesNotContain(TO);
        assertThat(p.status(receipt)).isEqualTo("SUBMITTED");

        p.clock.advance(Duration.ofHours(25)); // a day later: room again
        String tomorrow = queue(p, "marketing");
        p.dispatchAll();
        assertThat(p.status(tomorrow)).isEqualTo("SUBMITTED");
    }

    @Test
    void the_weekly_cap_counts_what_earlier_chunks_sent() {
        TestPipeline p = pipeline(new FrequencyCaps(0, 2, Duration.ZERO));
        queue(p, "marketing");
        p.dispatchAll();
        p.clock.advance(Duration.ofDays(2));
        queue(p, "marketing");
        p.dispatchAll();
        p.clock.advance(Duration.ofDays(2));
        String third = queue(p, "marketing");
        p.dispatchAll();
        assertThat(message(p, third).errorCode()).isEqualTo(ChunkSubmitter.CAPPED);
        assertThat(message(p, third).errorText()).contains("7 days");
    }

    @Test
    void a_message_too_soon_after_the_last_one_waits_for_the_gap() {
        TestPipeline p = pipeline(new FrequencyCaps(0, 0, Duration.ofHours(4)));
        String first = queue(p, "marketing");
        p.dispatchAll();
        Instant sentAt = p.clock.instant();
        p.clock.advance(Duration.ofHours(1));
        String second = queue(p, "marketing");

        p.dispatchAll();

        assertThat(p.status(second)).isEqualTo("QUEUED");
        assertThat(message(p, second).errorCode()).isEqualTo(ChunkSubmitter.MIN_GAP);
        assertThat(message(p, second).attempts()).isZero();
        p.clock.advance(Duration.ofHours(3).plusSeconds(1));
        p.dispatchAll();
        assertThat(p.status(second)).isEqualTo("SUBMITTED");
        assertThat(message(p, second).submittedAt()).isAfterOrEqualTo(sentAt.plus(Duration.ofHours(4)));
        assertThat(p.status(first)).isEqualTo("SUBMITTED");
    }
}
