package io.smsflows.autoconfigure;

import io.smsflows.camunda.journey.SendingWindowExpressions;
import io.smsflows.sms.compliance.QuietHours;
import io.smsflows.camunda.journey.AppointmentReminders;
import io.smsflows.camunda.journey.JourneyProperties;
import io.smsflows.camunda.journey.ReminderPlanner;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shipped journeys' helpers (the appointment reminder plan). */
@Configuration(proxyBeanMethods = false)
class CamundaJourneyConfiguration {

    @Bean
    ReminderPlanner reminderPlanner(JourneyProperties journeys, @Qualifier("smsFlowsClock") Clock clock) {
        return new ReminderPlanner(journeys.getAppointmentReminderPlan(), clock);
    }

    /** ${smsWindows.nextOpening(phone, "marketing")} in timers, ${smsWindows.isOpen(...)} in gateways. */
    @Bean
    SendingWindowExpressions smsWindows(QuietHours quietHours) {
        return new SendingWindowExpressions(quietHours);
    }

    /** The journey API's checks for journeys started from Tasklist: ${smsJourneyStart.check(execution, "...")}. */
    @Bean
    io.smsflows.camunda.tasklist.JourneyStartChecks smsJourneyStart(io.smsflows.sms.number.RecipientPolicy recipients) {
        return new io.smsflows.camunda.tasklist.JourneyStartChecks(recipients);
    }

    /** Task names that say who and what, reason codes in words: ${smsTasks.name(task, "...")}. */
    @Bean
    io.smsflows.camunda.tasklist.TaskLabels smsTasks() {
        return new io.smsflows.camunda.tasklist.TaskLabels();
    }

    @Bean
    AppointmentReminders appointmentReminders(ReminderPlanner reminderPlanner) {
        return new AppointmentReminders(reminderPlanner);
    }
}
