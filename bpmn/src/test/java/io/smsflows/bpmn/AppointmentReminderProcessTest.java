package io.smsflows.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import io.smsflows.camunda.journey.AppointmentReminders;
import io.smsflows.camunda.journey.ReminderPlanner;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of the appointment reminder: confirm, cancel, reschedule (slots chosen, none offered, no valid
 * choice), stop, a reply an operator reads, no answer to any reminder, not delivered, opted out, and the CRM's
 * AppointmentChanged / AppointmentCancelled before and after a reminder went out. The real planner computes the
 * reminder times; sms-ask is a stub the test answers.
 */
@Deployment(resources = {"bpmn/appointment-reminder.bpmn", "stubs/sms-ask-stub.bpmn"})
class AppointmentReminderProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private final RecordingDelegate crm = new RecordingDelegate();
    private final RecordingDelegate send = new RecordingDelegate();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("appointmentReminders",
                new AppointmentReminders(new ReminderPlanner("D-1@18:00,T-PT3H", Clock.systemUTC())));
        Mocks.register("smsTemplates", new RecordingDelegate.Templates());
        Mocks.register("smsJourneyStart", new io.smsflows.camunda.tasklist.JourneyStartChecks(
                new io.smsflows.sms.number.RecipientPolicy(true, java.util.Set.of("FIXED_LINE"), java.util.Set.of(),
                        java.util.Set.of())));
        Mocks.register("smsTasks", new io.smsflows.camunda.tasklist.TaskLabels());
        Mocks.register("crmNotify", crm);
        Mocks.register("smsSend", send);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    private static String inDays(int days) {
        return OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(days).withHour(10).withMinute(0).withSecond(0)
                .withNano(0).toString();
    }

    private static int appointments;

    private static ProcessInstance start() {
        String appointment = "apt-" + (++appointments); // one journey per appointment id
        Map<String, Object> vars = new HashMap<>(Map.of("appointmentId", appointment, "phone", "+33612345678",
                "firstName", "Ana", "locale", "fr", "appointmentStart", inDays(5), "place", "12 rue Pasteur",
                "service", "consultation"));
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("appointment-reminder", appointment, vars);
        runAsync(pi);
        return pi;
    }

    /** Executes ready asynchronous continuations (not timers) of the instance. */
    private static void runAsync(ProcessInstance pi) {
        Job job;
        while ((job = managementService().createJobQuery().processInstanceId(pi.getId()).messages().active()
                .listPage(0, 1).stream().findFirst().orElse(null)) != null) {
            execute(job);
        }
    }

    /** Fires the pending reminder timer and runs until the reminder is asked (stub waiting). */
    private static void reminderTime(ProcessInstance pi) {
        execute(managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult());
        runAsync(pi);
    }

    private static ProcessInstance asked(ProcessInstance pi) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    }

    /** The customer's side: the stubbed sms-ask ends with these results. */
    private static void answer(ProcessInstance pi, String outcome, String intent, Integer choice) {
        Task t = taskService().createTaskQuery().processInstanceId(asked(pi).getId()).singleResult();
        Map<String, Object> vars = new HashMap<>();
        vars.put("askOutcome", outcome);
        vars.put("smsReplyIntent", intent);
        vars.put("smsReplyChoice", choice);
        vars.put("smsReplyText", intent == null ? null : intent.toLowerCase());
        taskService().complete(t.getId(), vars);
        runAsync(pi);
    }

    @Test
    void two_reminders_are_planned_in_the_appointments_offset_and_the_first_asks() {
        ProcessInstance pi = start();
        assertThat(pi).variables().containsEntry("reminderCount", 2).containsKey("appointmentLocal");
        assertThat((String) runtimeService().getVariable(pi.getId(), "reminder1At")).endsWith("T18:00+01:00");
        assertThat(pi).isWaitingAt("Event_ReminderTime");
        reminderTime(pi);
        assertThat(runtimeService().getVariable(asked(pi).getId(), "text")).isEqualTo("appointment-reminder/fr");
        assertThat(runtimeService().getVariable(asked(pi).getId(), "replyTimeout").toString()).isEqualTo("PT13H");
    }

    @Test
    void yes_confirms_tells_the_crm_and_thanks() {
        ProcessInstance pi = start();
        reminderTime(pi);
        answer(pi, "answered", "CONFIRM", null);
        assertThat(pi).hasPassed("End_Confirm", "Task_CrmConfirmed", "Task_ThankYou", "End_Confirmed").isEnded()
                .variables().containsEntry("appointmentOutcome", "confirmed");
        assertThat(crm.calls.get(0)).containsEntry("crmEvent", "confirmed");
        assertThat(send.lastCall()).containsEntry("template", "appointment-confirmed");
    }

    @Test
    void no_cancels_and_frees_the_slot() {
        ProcessInstance pi = start();
        reminderTime(pi);
        answer(pi, "answered", "CANCEL", null);
        assertThat(pi).hasPassed("Task_CrmCancelled", "End_Cancelled").isEnded().variables()
                .containsEntry("appointmentOutcome", "cancelled");
    }

    @Test
    void a_freed_slot_is_offered_to_the_waitlist_one_at_a_time() {
        Mocks.register("crmNotify", new RecordingDelegate().sets("crmWaitlistCount", 2)
                .sets("crmWaitlist1", "+33600000001").sets("crmWaitlist2", "+33600000002"));
        ProcessInstance pi = start();
        reminderTime(pi);
        answer(pi, "answered", "CANCEL", null);
        assertThat(pi).isWaitingAt("Call_OfferSlot");
        assertThat(runtimeService().getVariable(asked(pi).getId(), "to")).isEqualTo("+33600000001");
        assertThat(runtimeService().getVariable(asked(pi).getId(), "text")).isEqualTo("slot-offer/fr");
        answer(pi, "noReply", null, null);
        assertThat(runtimeService().getVariable(asked(pi).getId(), "to")).isEqualTo("+33600000002");
        answer(pi, "answered", "CONFIRM", null);
        assertThat(pi).hasPassed("Task_CrmSlotTaken", "End_SlotRefilled").isEnded().variables()
                .containsEntry("waitlistPhone", "+33600000002").containsEntry("appointmentOutcome", "cancelled");
    }

    @Test
    void r_offers_three_slots_and_books_the_choice() {
        Mocks.register("crmNotify", new RecordingDelegate().sets("crmSlotsCount", 3).sets("crmSlots1", "a")
                .sets("crmSlots2", "b").sets("crmSlots3", "c"));
        ProcessInstance pi = start();
        reminderTime(pi);
        answer(pi, "answered", "RESCHEDULE", null);
        assertThat(pi).hasPassed("Task_AskSlots").isWaitingAt("Call_OfferSlots");
        assertThat(runtimeService().getVariable(asked(pi).getId(), "text")).isEqualTo("reschedule-offer/fr");
        answer(pi, "answered", "CHOICE", 2);
        assertThat(pi).hasPassed("Task_BookSlot", "End_Rescheduled").isEnded().variables()
                .containsEntry("appointmentOutcome", "rescheduled");
    }

    @Test
    void r_without_slots_or_without_a_valid_choice_goes_to_an_operator() {
        Mocks.register("crmNotify", new RecordingDelegate().sets("crmSlotsCount", 0));
        ProcessInstance noSlots = start();
        reminderTime(noSlots);
        answer(noSlots, "answered", "RESCHEDULE", null);
        assertThat(noSlots).isWaitingAt("Task_RescheduleByPhone");
        complete(task(noSlots), Map.of("callNote", "moved to Friday"));
        assertThat(noSlots).hasPassed("End_RescheduledByPhone").isEnded();

        Mocks.register("crmNotify", new RecordingDelegate().sets("crmSlotsCount", 3));
        ProcessInstance badChoice = start();
        reminderTime(badChoice);
        answer(badChoice, "answered", "RESCHEDULE", null);
        answer(badChoice, "answered", "UNKNOWN", null);
        assertThat(badChoice).isWaitingAt("Task_RescheduleByPhone");
        assertThat(task(badChoice)).hasCandidateGroup("sms-operator");
    }

    @Test
    void stop_ends_without_another_message() {
        ProcessInstance pi = start();
        reminderTime(pi);
        answer(pi, "answered", "STOP", null);
        assertThat(pi).hasPassed("End_Stop", "End_OptedOut").isEnded().variables()
                .containsEntry("appointmentOutcome", "optedOut");
        assertThat(send.calls).isEmpty();
        assertThat(crm.calls).isEmpty();
    }

    @Test
    void a_reply_not_understood_is_read_by_an_operator() {
        ProcessInstance handled = start();
        reminderTime(handled);
        answer(handled, "answered", "UNKNOWN", null);
        assertThat(handled).isWaitingAt("Task_HandleReply");
        complete(task(handled), Map.of("reminderOutcome", "handled"));
        assertThat(handled).hasPassed("End_Handled").isEnded();

        ProcessInstance confirmed = start();
        reminderTime(confirmed);
        answer(confirmed, "answered", "HELP", null);
        complete(task(confirmed), Map.of("reminderOutcome", "confirmed"));
        runAsync(confirmed);
        assertThat(confirmed).hasPassed("Task_CrmConfirmed", "End_Confirmed").isEnded();
    }

    @Test
    void no_answer_to_any_reminder_is_unconfirmed() {
        ProcessInstance pi = start();
        reminderTime(pi);
        answer(pi, "noReply", null, null);
        assertThat(pi).isWaitingAt("Event_ReminderTime").variables().containsEntry("reminderIndex", 2);
        reminderTime(pi);
        answer(pi, "noReply", null, null);
        assertThat(pi).hasPassed("End_NoneLeft", "Task_CrmUnconfirmed", "End_Unconfirmed").isEnded().variables()
                .containsEntry("appointmentOutcome", "unconfirmed").containsEntry("remindersSent", 2L);
    }

    @Test
    void an_undeliverable_reminder_asks_an_operator_to_call() {
        ProcessInstance pi = start();
        reminderTime(pi);
        runtimeService().setVariable(asked(pi).getId(), "smsErrorCode", "UNDELIV:001");
        answer(pi, "notDelivered", null, null);
        assertThat(pi).hasPassed("End_NotDelivered", "Task_CrmFailed").isWaitingAt("Task_CallCustomer");
        assertThat(crm.lastCall()).containsEntry("crmEvent", "failed");
        // the operator's list says who and what; the form says why in words, with the code
        assertThat(task(pi).getName()).isEqualTo("Call Ana about " + pi.getBusinessKey());
        assertThat((String) taskService().getVariableLocal(task(pi).getId(), "callReason"))
                .isEqualTo("The SMS could not be delivered: the network could not deliver it (phone off for too long, "
                        + "or no longer in service) [UNDELIV:001].");
        complete(task(pi), Map.of("callNote", "reached by phone"));
        assertThat(pi).hasPassed("End_Failed").isEnded();
    }

    @Test
    void a_number_that_opted_out_before_the_reminder_ends_it() {
        ProcessInstance pi = start();
        reminderTime(pi);
        answer(pi, "optedOut", null, null);
        assertThat(pi).hasPassed("End_RefusedOptedOut", "End_OptedOut").isEnded();
    }

    @Test
    void a_changed_appointment_is_replanned_and_the_customer_told_only_if_reminded() {
        ProcessInstance pi = start();
        runtimeService().createMessageCorrelation("AppointmentChanged").processInstanceId(pi.getId())
                .setVariable("appointmentStart", inDays(8)).correlate();
        runAsync(pi);
        assertThat(pi).hasPassed("Task_Replan").hasNotPassed("Task_TellChanged").isWaitingAt("Event_ReminderTime");
        assertThat(send.calls).isEmpty();

        reminderTime(pi); // a reminder goes out, then the CRM moves the appointment again
        runtimeService().createMessageCorrelation("AppointmentChanged").processInstanceId(pi.getId())
                .setVariable("appointmentStart", inDays(9)).correlate();
        runAsync(pi);
        assertThat(pi).hasPassed("Task_TellChanged").isWaitingAt("Event_ReminderTime");
        assertThat(send.lastCall()).containsEntry("template", "appointment-changed");
        assertThat(asked(pi)).isNull(); // the pending question was withdrawn
    }

    @Test
    void a_cancellation_by_the_crm_is_told_only_to_a_customer_who_was_reminded() {
        ProcessInstance silent = start();
        runtimeService().createMessageCorrelation("AppointmentCancelled").processInstanceId(silent.getId()).correlate();
        assertThat(silent).hasPassed("End_CancelledSilently").isEnded();
        assertThat(send.calls).isEmpty();

        ProcessInstance told = start();
        reminderTime(told);
        runtimeService().createMessageCorrelation("AppointmentCancelled").processInstanceId(told.getId()).correlate();
        runAsync(told);
        assertThat(told).hasPassed("Task_TellCancelled", "End_CancelledByCrm").isEnded().variables()
                .containsEntry("appointmentOutcome", "cancelled");
        assertThat(send.lastCall()).containsEntry("template", "appointment-cancelled");
    }

    @Test
    void stop_while_reminding_ends_the_journey() {
        ProcessInstance pi = start();
        reminderTime(pi);
        runtimeService().createMessageCorrelation("SmsUnsubscribed").processInstanceId(pi.getId()).correlate();
        assertThat(pi).hasPassed("End_Unsubscribed").isEnded().variables().containsEntry("appointmentOutcome", "optedOut");
    }

    @Test
    void a_start_from_tasklist_is_checked_as_the_api_checks_it_and_gets_its_business_key() {
        Map<String, Object> vars = new HashMap<>(Map.of("appointmentId", "apt-9", "phone", "0612345678",
                "firstName", "Ana", "locale", "fr", "appointmentStart", inDays(5), "place", "12 rue Pasteur",
                "service", "consultation"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtimeService()
                        .startProcessInstanceByKey("appointment-reminder", vars))
                .hasMessageContaining("phone:").hasMessageContaining("international format, e.g. +33612345678");
        assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();

        vars.put("phone", "+33 6 12 34 56 78");
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("appointment-reminder", vars);
        assertThat(pi.getBusinessKey()).isEqualTo("apt-9");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtimeService()
                        .startProcessInstanceByKey("appointment-reminder", vars))
                .hasMessageContaining("appointmentId 'apt-9' already has a journey");
        assertThat(runtimeService().getVariable(pi.getId(), "phone")).isEqualTo("+33612345678");
    }
}
