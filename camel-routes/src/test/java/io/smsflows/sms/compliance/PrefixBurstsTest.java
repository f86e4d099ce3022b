package io.smsflows.sms.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PrefixBurstsTest {

    private final Instant t0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void a_range_gets_its_limit_per_minute_then_waits_until_the_oldest_leaves_the_minute() {
        PrefixBursts bursts = new PrefixBursts(8, 3);
        assertThat(bursts.admit("+33612340001", t0)).isNull();
        assertThat(bursts.admit("+33612340002", t0.plusSeconds(10))).isNull();
        assertThat(bursts.admit("+33612349999", t0.plusSeconds(20))).isNull();
        assertThat(bursts.admit("+33612340004", t0.plusSeconds(30))).as("same range +3361234")
                .isEqualTo(t0.plusSeconds(60));
        assertThat(bursts.admit("+33698760001", t0.plusSeconds(30))).as("another range").isNull();
        assertThat(bursts.admit("+33612340004", t0.plusSeconds(61))).as("the first left the minute").isNull();
    }

    @Test
    void without_a_limit_everything_goes() {
        assertThat(PrefixBursts.NONE.active()).isFalse();
        for (int i = 0; i < 1000; i++) {
            assertThat(PrefixBursts.NONE.admit("+33612340001", t0)).isNull();
        }
        assertThat(new PrefixBursts(8, 5).range("+4915112345678")).isEqualTo("+4915112");
    }
}
