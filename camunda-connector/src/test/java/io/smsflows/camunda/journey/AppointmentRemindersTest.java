package io.smsflows.camunda.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Dates in reminders as the customer reads them: language from the journey, conventions from the number. */
class AppointmentRemindersTest {

    private static final OffsetDateTime START = OffsetDateTime.parse("2026-12-01T10:30:00+00:00");

    private static String local(String language, String phone) {
        return AppointmentReminders.appointmentLocal(START, language, phone).replace('\u202f', ' ');
    }

    @Test
    void english_to_a_uk_number_is_day_month_and_to_a_us_number_month_day() {
        assertThat(local("en", "+447400123456")).isEqualTo("1 Dec 2026, 10:30");
        assertThat(local("en", "+12025550123")).isEqualTo("Dec 1, 2026, 10:30 AM");
    }

    @Test
    void other_languages_write_their_own_way_and_keep_the_appointments_offset() {
        assertThat(local("fr", "+33612345678")).isEqualTo("1 déc. 2026 10:30");
        assertThat(local("de", "+4915112345678")).isEqualTo("01.12.2026, 10:30");
        assertThat(AppointmentReminders.appointmentLocal(OffsetDateTime.parse("2026-12-01T10:30:00+01:00"), "fr",
                "+33612345678")).contains("10:30");
    }

    @Test
    void without_a_known_country_the_language_alone_decides() {
        assertThat(local(null, null)).isEqualTo("Dec 1, 2026, 10:30 AM");
    }
}
