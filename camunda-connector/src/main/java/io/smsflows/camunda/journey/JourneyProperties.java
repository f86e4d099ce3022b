package io.smsflows.camunda.journey;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Defaults of the shipped journeys, {@code smsflows.journeys.*}. */
@ConfigurationProperties(prefix = "smsflows.journeys")
public class JourneyProperties {

    /**
     * Default reminder plan of appointment-reminder: D-&lt;days&gt;@&lt;HH:mm&gt; (local time of the appointment)
     * and T-&lt;ISO duration&gt; before the start, comma separated.
     */
    private String appointmentReminderPlan = "D-1@18:00,T-PT3H";

    public String getAppointmentReminderPlan() { return appointmentReminderPlan; }
    public void setAppointmentReminderPlan(String appointmentReminderPlan) { this.appointmentReminderPlan = appointmentReminderPlan; }
}
