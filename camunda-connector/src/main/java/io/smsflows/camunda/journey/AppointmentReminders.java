package io.smsflows.camunda.journey;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import io.smsflows.sms.number.PhoneNumbers;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The appointment-reminder journey's plan, as expressions analysts see in the model:
 * {@code ${appointmentReminders.plan(execution)}} and {@code ${appointmentReminders.next(execution)}}.
 * Reminder times are plain string variables ({@code reminder1At}..), so Cockpit shows them and no object
 * serialization is needed.
 */
public class AppointmentReminders {

    private final ReminderPlanner planner;

    public AppointmentReminders(ReminderPlanner planner) {
        this.planner = planner;
    }

    /**
     * Computes the reminders still ahead from {@code appointmentStart} and {@code reminderPlan} (or the default):
     * sets {@code reminderCount}, {@code reminder1At}..{@code reminderNAt}, {@code reminderIndex} = 0 and
     * {@code appointmentLocal} (the start, formatted for {@code locale}, for the texts).
     */
    public void plan(DelegateExecution execution) {
        String start = (String) execution.getVariable("appointmentStart");
        Object plan = execution.getVariable("reminderPlan");
        List<String> times = planner.plan(start, plan == null ? null : plan.toString());
        for (int i = 0; i < times.size(); i++) {
            execution.setVariable("reminder" + (i + 1) + "At", times.get(i));
        }
        execution.setVariable("reminderCount", times.size());
        execution.setVariable("reminderIndex", 0);
        Object locale = execution.getVariable("locale");
        Object phone = execution.getVariable("phone");
        execution.setVariable("appointmentLocal", appointmentLocal(OffsetDateTime.parse(start),
                locale == null ? null : locale.toString(), phone == null ? null : phone.toString()));
    }

    /**
     * The start as the customer reads dates: their language, their country's conventions (from the number: English
     * to a UK number is "1 Dec 2026, 10:30", to a US number "Dec 1, 2026, 10:30 AM"), the month written out so that
     * 1/12 and 12/1 cannot be confused, in the appointment's own offset.
     */
    static String appointmentLocal(OffsetDateTime start, String language, String phone) {
        String region = phone == null ? null : PhoneNumbers.region(phone);
        Locale.Builder locale = new Locale.Builder().setLanguage(language == null || language.isBlank() ? "en"
                : Locale.forLanguageTag(language.replace('_', '-')).getLanguage());
        if (region != null) {
            locale.setRegion(region);
        }
        return start.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale.build()));
    }

    /**
     * After an AppointmentChanged event (new {@code appointmentStart} correlated with it): notes in
     * {@code customerReminded} whether a reminder had gone out ({@code remindersSent} > 0) (then the customer is told the new time), and plans
     * again from the new start.
     */
    public void replan(DelegateExecution execution) {
        Object sent = execution.getVariable("remindersSent"); // counted when a reminder goes out
        execution.setVariable("customerReminded", sent instanceof Number n && n.intValue() > 0);
        plan(execution);
    }

    /**
     * Moves to the next reminder: {@code nextReminderAt} (ISO date-time, or null when none is left) and
     * {@code reminderWindow} (ISO duration the customer has to answer: until the following reminder, or until the
     * appointment starts).
     */
    public void next(DelegateExecution execution) {
        int index = ((Number) execution.getVariable("reminderIndex")).intValue() + 1;
        int count = ((Number) execution.getVariable("reminderCount")).intValue();
        execution.setVariable("reminderIndex", index);
        if (index > count) {
            execution.setVariable("nextReminderAt", null);
            return;
        }
        String at = (String) execution.getVariable("reminder" + index + "At");
        String until = index < count ? (String) execution.getVariable("reminder" + (index + 1) + "At")
                : (String) execution.getVariable("appointmentStart");
        Duration window = Duration.between(OffsetDateTime.parse(at), OffsetDateTime.parse(until));
        execution.setVariable("nextReminderAt", at);
        execution.setVariable("reminderWindow", (window.isNegative() || window.isZero() ? Duration.ofMinutes(1) : window)
                .toString());
    }

    /**
     * After a cancellation, the next person on the CRM's waitlist ({@code crmWaitlist1..n}, {@code crmWaitlistCount}
     * from the CRM's answer): sets {@code waitIndex} and {@code waitlistPhone} (null when nobody is left).
     */
    public void nextWaitlisted(DelegateExecution execution) {
        Object index = execution.getVariable("waitIndex");
        Object count = execution.getVariable("crmWaitlistCount");
        int next = (index instanceof Number n ? n.intValue() : 0) + 1;
        execution.setVariable("waitIndex", next);
        execution.setVariable("waitlistPhone", count instanceof Number c && next <= c.intValue()
                ? execution.getVariable("crmWaitlist" + next) : null);
    }
}
