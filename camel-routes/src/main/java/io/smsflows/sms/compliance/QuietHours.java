package io.smsflows.sms.compliance;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The sending windows applied to a number: its time zones from libphonenumber (a number of a country with several
 * zones and no finer data gets all of them, so the most restrictive applies), then the window of its country and
 * category.
 */
public final class QuietHours {

    /** No window anywhere. */
    public static final QuietHours NONE = new QuietHours(new SendingWindows(java.util.Map.of()), n -> List.of());

    private final SendingWindows windows;
    private final Function<String, Collection<ZoneId>> zonesOf;

    public QuietHours(SendingWindows windows, Function<String, Collection<ZoneId>> zonesOf) {
        this.windows = windows;
        this.zonesOf = zonesOf;
    }

    /** With libphonenumber's time zone data. */
    public static QuietHours of(SendingWindows windows) {
        return new QuietHours(windows, QuietHours::zones);
    }

    /**
     * When a message may go: {@code now} when it may go now, else the next opening of its window.
     *
     * @param country ISO region of the recipient
     */
    public Instant nextOpening(String e164, String country, String category, Instant now) {
        if (windows.window(country, category) == null) {
            return now;
        }
        return windows.nextOpening(country, category, zonesOf.apply(e164), now);
    }

    /** The time zones libphonenumber knows for a number (empty when none). */
    public static Collection<ZoneId> zones(String e164) {
        List<ZoneId> zones = new ArrayList<>();
        try {
            var number = PhoneNumberUtil.getInstance().parse(e164, null);
            for (String id : PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number)) {
                try {
                    zones.add(ZoneId.of(id));
                } catch (DateTimeException e) {
                    // "Etc/Unknown" and the like: no zone to apply
                }
            }
        } catch (NumberParseException e) {
            return zones;
        }
        return zones;
    }
}
