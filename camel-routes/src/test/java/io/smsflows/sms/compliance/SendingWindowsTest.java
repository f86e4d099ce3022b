package io.smsflows.sms.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendingWindowsTest {

    private final QuietHours defaults = QuietHours.of(new SendingWindowProperties().windows());
    private static final String PARIS = "+33612345678";
    private static final String SAN_FRANCISCO = "+14155550123";

    @Test
    void french_marketing_waits_over_sunday_for_monday_eight_oclock_and_transactional_does_not_wait() {
        Instant saturdayNight = Instant.parse("2026-12-05T20:30:00Z"); // 21:30 in Paris
        assertThat(defaults.nextOpening(PARIS, "FR", "marketing", saturdayNight))
                .isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
        assertThat(defaults.nextOpening(PARIS, "FR", "transactional", saturdayNight)).isEqualTo(saturdayNight);
        Instant mondayNoon = Instant.parse("2026-12-07T11:00:00Z");
        assertThat(defaults.nextOpening(PARIS, "FR", "marketing", mondayNoon)).isEqualTo(mondayNoon);
    }

    @Test
    void a_public_holiday_is_skipped() {
        Instant christmasEve = Instant.parse("2026-12-24T20:00:00Z"); // Thursday 21:00, Friday is Christmas
        assertThat(defaults.nextOpening(PARIS, "FR", "marketing", christmasEve))
                .isEqualTo(Instant.parse("2026-12-26T07:00:00Z"));
    }

    @Test
    void the_opening_is_local_time_across_a_daylight_saving_change() {
        // Saturday 24 October 2026, 20:30 in Paris (UTC+2); clocks go back on Sunday; Monday 08:00 is UTC+1
        assertThat(defaults.nextOpening(PARIS, "FR", "marketing", Instant.parse("2026-10-24T18:30:00Z")))
                .isEqualTo(Instant.parse("2026-10-26T07:00:00Z"));
    }

    @Test
    void each_recipient_gets_the_window_of_their_own_zone() {
        Instant now = Instant.parse("2026-12-07T15:30:00Z"); // Paris 16:30, San Francisco 07:30, Tokyo 00:30
        assertThat(defaults.nextOpening(PARIS, "FR", "marketing", now)).isEqualTo(now);
        assertThat(defaults.nextOpening(SAN_FRANCISCO, "US", "marketing", now))
                .isEqualTo(Instant.parse("2026-12-07T16:00:00Z"));
        assertThat(defaults.nextOpening("+819012345678", "JP", "marketing", now))
                .isEqualTo(Instant.parse("2026-12-08T00:00:00Z")); // 09:00 in Tokyo
    }

    @Test
    void a_number_in_several_zones_waits_until_it_is_open_in_all_of_them() {
        QuietHours twoZones = new QuietHours(new SendingWindowProperties().windows(),
                n -> List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Los_Angeles")));
        Instant now = Instant.parse("2026-12-07T13:30:00Z"); // New York 08:30 (open), Los Angeles 05:30
        assertThat(twoZones.nextOpening("+15555550123", "US", "marketing", now))
                .isEqualTo(Instant.parse("2026-12-07T16:00:00Z"));
        Instant late = Instant.parse("2026-12-08T01:30:00Z"); // New York 20:30, Los Angeles 17:30: both open
        assertThat(twoZones.nextOpening("+15555550123", "US", "marketing", late)).isEqualTo(late);
        Instant later = Instant.parse("2026-12-08T02:30:00Z"); // New York 21:30 closed: next day 16:00Z
        assertThat(twoZones.nextOpening("+15555550123", "US", "marketing", later))
                .isEqualTo(Instant.parse("2026-12-08T16:00:00Z"));
    }

    @Test
    void configuration_mistakes_name_their_property_and_disabling_opens_everything() {
        SendingWindowProperties bad = new SendingWindowProperties();
        bad.getRules().put("BE", Map.of("marketing", rule("MON-SAM", "08:00", "20:00")));
        assertThatThrownBy(bad::windows).hasMessageContaining("smsflows.windows.rules.BE.marketing.days")
                .hasMessageContaining("SAM");
        SendingWindowProperties reversed = new SendingWindowProperties();
        reversed.getRules().put("BE", Map.of("marketing", rule("ALL", "20:00", "08:00")));
        assertThatThrownBy(reversed::windows).hasMessageContaining("smsflows.windows.rules.BE.marketing").hasMessageContaining("must open before it closes");
        SendingWindowProperties off = new SendingWindowProperties();
        off.setEnabled(false);
        Instant night = Instant.parse("2026-12-06T02:00:00Z");
        assertThat(QuietHours.of(off.windows()).nextOpening(PARIS, "FR", "marketing", night)).isEqualTo(night);
    }

    private static SendingWindowProperties.Rule rule(String days, String from, String to) {
        SendingWindowProperties.Rule rule = new SendingWindowProperties.Rule();
        rule.setDays(days);
        rule.setFrom(from);
        rule.setTo(to);
        return rule;
    }

    @Test
    void zones_without_a_common_window_use_the_middle_zone_and_never_block() {
        // 09:00-20:00 in London, Shanghai and Honolulu at once: no instant is inside all three
        QuietHours spread = new QuietHours(new SendingWindowProperties().windows(), n -> List.of(
                ZoneId.of("Asia/Shanghai"), ZoneId.of("Pacific/Honolulu"), ZoneId.of("Europe/London")));
        Instant now = Instant.parse("2026-12-07T05:00:00Z");
        assertThat(spread.nextOpening("+819012345678", "JP", "marketing", now))
                .isEqualTo(Instant.parse("2026-12-07T09:00:00Z")); // 09:00 in London, the middle offset
    }

    @Test
    void a_category_key_of_all_applies_to_every_category_of_the_country() {
        SendingWindowProperties props = new SendingWindowProperties();
        props.getRules().put("be", Map.of("all", rule("MON-FRI", "09:00", "18:00")));
        props.getHolidays().put("be", List.of("12-25"));
        QuietHours be = QuietHours.of(props.windows());
        Instant christmas = Instant.parse("2026-12-25T10:00:00Z");
        assertThat(be.nextOpening("+32470123456", "BE", "transactional", christmas))
                .isEqualTo(Instant.parse("2026-12-28T08:00:00Z")); // Monday 09:00 in Brussels
    }
}
