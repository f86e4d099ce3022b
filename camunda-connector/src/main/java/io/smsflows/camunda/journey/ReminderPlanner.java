package io.smsflows.camunda.journey;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an appointment start and a reminder plan into the reminder times still ahead. Plan entries, comma
 * separated: {@code D-1@18:00} (days before, at that local time of the appointment's offset) and {@code T-PT3H}
 * (an ISO-8601 duration before the start). Times already past are skipped; none is at or after the start.
 * Used as {@code ${reminderPlanner.plan(appointmentStart, reminderPlan)}}; the result (ISO-8601 instants with the
 * appointment's offset, in order) drives the reminder timers.
 */
public class ReminderPlanner {

    private final String defaultPlan;
    private final Clock clock;

    public ReminderPlanner(String defaultPlan, Clock clock) {
        this.defaultPlan = defaultPlan;
        this.clock = clock;
    }

    /**
     * @param start appointment start, ISO-8601 with offset ("2026-12-01T10:00:00+01:00")
     * @param plan  plan, or null/blank for the configured default
     * @throws IllegalArgumentException if the start or an entry cannot be read (says which and how to write it)
     */
    public List<String> plan(String start, String plan) {
        OffsetDateTime appointment;
        try {
            appointment = OffsetDateTime.parse(start);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("appointment start '" + start
                    + "' is not an ISO-8601 date-time with offset, e.g. 2026-12-01T10:00:00+01:00");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(appointment.getOffset());
        List<OffsetDateTime> times = new ArrayList<>();
        for (String raw : (plan == null || plan.isBlank() ? defaultPlan : plan).split(",")) {
            String entry = raw.trim().toUpperCase();
            if (entry.isEmpty()) {
                continue;
            }
            OffsetDateTime at = at(appointment, entry);
            if (at.isAfter(now) && at.isBefore(appointment) && !times.contains(at)) {
                times.add(at);
            }
        }
        times.sort(null);
        return times.stream().map(OffsetDateTime::toString).toList();
    }

    private static OffsetDateTime at(OffsetDateTime appointment, String entry) {
        try {
            if (entry.startsWith("D-")) {
                int sep = entry.indexOf('@');
                int days = Integer.parseInt(entry.substring(2, sep < 0 ? entry.length() : sep));
                LocalTime time = sep < 0 ? appointment.toLocalTime() : LocalTime.parse(entry.substring(sep + 1));
                return appointment.minusDays(days).with(time);
            }
            if (entry.startsWith("T-")) {
                return appointment.minus(Duration.parse(entry.substring(2)));
            }
        } catch (RuntimeException e) {
            // fall through to the explanation
        }
        throw new IllegalArgumentException("reminder plan entry '" + entry + "' is not D-<days>@<HH:mm> "
                + "(e.g. D-1@18:00) or T-<ISO duration> (e.g. T-PT3H)");
    }
}
