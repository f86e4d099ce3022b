package io.smsflows.sms.compliance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * When a message may reach a recipient: per country and category, the allowed days and hours in the recipient's
 * local time, and the public holidays. A number in several time zones must be inside the window in every one of them
 * (the most restrictive); when no instant is (zones that span the globe), the middle zone by UTC offset decides.
 * Plain Java.
 */
public final class SendingWindows {

    /**
     * A window: days, hours [from, to) local, and the holidays (every year, or one date) on which nothing is sent.
     */
    public record Window(Set<DayOfWeek> days, LocalTime from, LocalTime to, Set<MonthDay> everyYear,
                         Set<LocalDate> dates) {

        public Window {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("a sending window must open before it closes: " + from + "-" + to);
            }
            if (days.isEmpty()) {
                throw new IllegalArgumentException("a sending window needs at least one day");
            }
        }

        boolean open(ZonedDateTime local) {
            LocalDate day = local.toLocalDate();
            LocalTime time = local.toLocalTime();
            return days.contains(local.getDayOfWeek()) && !dates.contains(day)
                    && !everyYear.contains(MonthDay.from(day)) && !time.isBefore(from) && time.isBefore(to);
        }

        /** The first instant at or after {@code local} when this window is open in its zone. */
        ZonedDateTime nextOpening(ZonedDateTime local) {
            if (open(local)) {
                return local;
            }
            ZonedDateTime candidate = local.toLocalTime().isBefore(from)
                    ? local.with(from) : local.toLocalDate().plusDays(1).atTime(from).atZone(local.getZone());
            for (int i = 0; i < 400; i++) {
                if (open(candidate)) {
                    return candidate;
                }
                // a DST gap can move 'from' (02:30 does not exist): atZone shifts it forward, still inside the window
                candidate = candidate.toLocalDate().plusDays(1).atTime(from).atZone(local.getZone());
            }
            throw new IllegalStateException("the sending window " + this + " never opens within 400 days");
        }
    }

    private final Map<String, Window> windows;

    /** @param windows by "COUNTRY:category" (e.g. "FR:marketing"); a country's "*" category applies to all */
    public SendingWindows(Map<String, Window> windows) {
        this.windows = Map.copyOf(windows);
    }

    /** The window of a country and category, or null when its messages may go at any time. */
    public Window window(String country, String category) {
        if (country == null) {
            return null;
        }
        String c = country.toUpperCase(Locale.ROOT);
        Window w = windows.get(c + ":" + (category == null ? "" : category.toLowerCase(Locale.ROOT)));
        return w != null ? w : windows.get(c + ":*");
    }

    /**
     * The first instant at or after {@code now} when a message may go: {@code now} itself when it may go now.
     *
     * @param zones the recipient's time zones (libphonenumber); empty: the country has no window to apply here
     */
    public Instant nextOpening(String country, String category, Collection<ZoneId> zones, Instant now) {
        Window window = window(country, category);
        if (window == null || zones.isEmpty()) {
            return now;
        }
        List<ZoneId> all = List.copyOf(zones);
        Instant candidate = now;
        // open in every zone at once: move to the latest next opening until all agree (bounded: windows overlap
        // within a day for zones of one country, or never, which the bound turns into an error)
        for (int i = 0; i < 50; i++) {
            Instant latest = candidate;
            for (ZoneId zone : all) {
                Instant opening = window.nextOpening(candidate.atZone(zone)).toInstant();
                if (opening.isAfter(latest)) {
                    latest = opening;
                }
            }
            if (latest.equals(candidate)) {
                return candidate;
            }
            candidate = latest;
        }
        // no instant is inside the window in all of them (a number libphonenumber places only by country, whose zones
        // span the globe, as +1 does from Guam to Pago Pago): the window of the middle zone by offset, which always
        // opens, instead of none or the least restrictive
        List<ZoneId> byOffset = all.stream()
                .sorted(java.util.Comparator.comparing(z -> z.getRules().getOffset(now))).toList();
        ZoneId middle = byOffset.get(byOffset.size() / 2);
        return window.nextOpening(now.atZone(middle)).toInstant();
    }
}
