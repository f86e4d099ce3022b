package io.smsflows.camunda.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reminder times: the plan's entries that are still ahead and before the appointment, in order. */
class ReminderPlannerTest {

    private final Clock now = Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);
    private final ReminderPlanner planner = new ReminderPlanner("D-1@18:00,T-PT3H", now);

    @Test
    void default_plan_is_the_evening_before_and_three_hours_before_in_the_appointments_offset() {
        assertThat(planner.plan("2026-12-02T10:00:00+01:00", null))
                .containsExactly("2026-12-01T18:00+01:00", "2026-12-02T07:00+01:00");
    }

    @Test
    void past_reminders_are_skipped() {
        // now is 09:00 local; tonight 20:00: D-1@18:00 was yesterday (past), T-3h (17:00) is still ahead
        assertThat(planner.plan("2026-11-30T20:00:00+01:00", null)).containsExactly("2026-11-30T17:00+01:00");
        // in two hours: every reminder is past
        assertThat(planner.plan("2026-11-30T11:00:00+01:00", null)).isEmpty();
    }

    @Test
    void no_reminder_at_or_after_the_start_and_no_duplicates() {
        assertThat(planner.plan("2026-12-05T10:00:00+01:00", "T-PT0S,D-0@12:00,T-PT1H,T-PT60M"))
                .containsExactly("2026-12-05T09:00+01:00");
    }

    @Test
    void unreadable_input_says_how_to_write_it() {
        assertThatThrownBy(() -> planner.plan("tomorrow", null)).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> planner.plan("2026-12-05T10:00:00+01:00", "1 day before"))
                .hasMessageContaining("D-<days>@<HH:mm>");
    }

    @Test
    void templates_fill_placeholders_and_refuse_missing_ones() {
        assertThat(SmsTemplates.fill("Hi {firstName}, see you at {place}.", Map.of("firstName", "Ana", "place", "Lyon"),
                "t")).isEqualTo("Hi Ana, see you at Lyon.");
        assertThatThrownBy(() -> SmsTemplates.fill("Hi {firstName}", Map.of(), "t"))
                .hasMessageContaining("needs the variable 'firstName'");
    }
}
