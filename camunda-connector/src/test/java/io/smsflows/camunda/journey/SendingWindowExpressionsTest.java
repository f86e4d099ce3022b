package io.smsflows.camunda.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.sms.compliance.QuietHours;
import io.smsflows.sms.compliance.SendingWindowProperties;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SendingWindowExpressionsTest {

    private final SendingWindowExpressions windows =
            new SendingWindowExpressions(QuietHours.of(new SendingWindowProperties().windows()));

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void a_timer_gets_the_next_opening_on_the_engines_clock() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-05T21:00:00Z"))); // Saturday 22:00 in Paris
        assertThat(windows.nextOpening("+33 6 12 34 56 78", "marketing").toInstant())
                .isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
        assertThat(windows.isOpen("+33612345678", "marketing")).isFalse();
        assertThat(windows.isOpen("+33612345678", "transactional")).isTrue();

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-07T09:00:00Z")));
        assertThat(windows.isOpen("+33612345678", "marketing")).isTrue();
    }
}
