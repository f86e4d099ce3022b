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

    @Bean
    AppointmentReminders appointmentReminders(ReminderPlanner reminderPlanner) {
        return new AppointmentReminders(reminderPlanner);
    }
}
