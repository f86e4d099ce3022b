package io.smsflows.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

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

/** Every path of the double opt-in: YES records and welcomes, anything else records nothing; sms-ask is a stub. */
@Deployment(resources = {"bpmn/sms-double-opt-in.bpmn", "stubs/sms-ask-stub.bpmn"})
class DoubleOptInProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private final RecordingDelegate send = new RecordingDelegate().sets("smsMessageId", "msg-2");
    private final RecordingDelegate record = new RecordingDelegate().sets("consentId", "c-1");
    private final RecordingDelegate crm = new RecordingDelegate();
    private final RecordingDelegate free = new RecordingDelegate().sets("questionWaiting", false);

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("smsSend", send);
        Mocks.register("smsRecordConsent", record);
        Mocks.register("crmNotify", crm);
        Mocks.register("smsOpenQuestions", free);
        Mocks.register("smsTexts", new RecordingDelegate.Texts());
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    private static ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("sms-double-opt-in", "form-42", new HashMap<>(
                Map.of("phone", "+33612345678", "locale", "fr", "source", "WEB_FORM", "sender", "SHOP",
                        "proof", "{\"formId\":\"newsletter\"}")));
        runJobs();
        return pi;
    }

    private static void runJobs() {
        Job job;
        while ((job = managementService().createJobQuery().messages().active().listPage(0, 1).stream().findFirst()
                .orElse(null)) != null) {
            execute(job);
        }
    }

    private static ProcessInstance asked(ProcessInstance pi) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    }

    /** The customer's side: the stubbed sms-ask ends with these results. */
    private static void answer(ProcessInstance pi, String outcome, String intent) {
        Task t = taskService().createTaskQuery().processInstanceId(asked(pi).getId()).singleResult();
        Map<String, Object> vars = new HashMap<>();
        vars.put("askOutcome", outcome);
        vars.put("smsReplyIntent", intent);
        vars.put("smsReplyText", intent == null ? null : "Oui");
        vars.put("smsReplyId", intent == null ? null : "in-7");
        taskService().complete(t.getId(), vars);
        runJobs();
    }

    @Test
    void the_question_goes_to_the_number_in_its_language_from_the_sender_and_waits_two_days() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Call_Ask");
        Map<String, Object> asked = runtimeService().getVariables(asked(pi).getId());
        assertThat(asked).containsEntry("to", "+33612345678").containsEntry("text", "Reply YES to join/fr")
                .containsEntry("sender", "SHOP").containsEntry("replyTimeout", "P2D");
        assertThat(record.calls).isEmpty();
    }

    @Test
    void yes_records_the_consent_welcomes_and_tells_the_crm() {
        ProcessInstance pi = start();
        answer(pi, "answered", "CONFIRM");
        assertThat(pi).hasPassed("Task_Record", "Task_Welcome", "Task_NotifyCrm", "End_Subscribed").isEnded()
                .variables().containsEntry("optInOutcome", "subscribed").containsEntry("consentId", "c-1");
        assertThat(record.calls).hasSize(1); // what it reads: the request and the YES, in the process's variables
        assertThat(pi).variables().containsEntry("phone", "+33612345678").containsEntry("source", "WEB_FORM")
                .containsEntry("smsReplyText", "Oui").containsEntry("smsReplyId", "in-7")
                .containsEntry("proof", "{\"formId\":\"newsletter\"}");
        assertThat(send.lastCall()).containsEntry("text", "Welcome/fr").containsEntry("category", "transactional")
                .containsEntry("sender", "SHOP");
        assertThat(crm.lastCall()).containsEntry("crmEvent", "opted-in");
    }

    @Test
    void no_records_nothing() {
        ProcessInstance pi = start();
        answer(pi, "answered", "CANCEL");
        assertThat(pi).hasPassed("Task_NotifyCrmNotConfirmed", "End_NotSubscribed").hasNotPassed("Task_Record")
                .isEnded().variables().containsEntry("optInOutcome", "notConfirmed");
        assertThat(record.calls).isEmpty();
        assertThat(send.calls).isEmpty();
        assertThat(crm.lastCall()).containsEntry("crmEvent", "opt-in-not-confirmed");
    }

    @Test
    void no_reply_not_delivered_or_opted_out_record_nothing() {
        for (String outcome : new String[] {"noReply", "notDelivered", "optedOut", "invalidNumber"}) {
            ProcessInstance pi = start();
            answer(pi, outcome, null);
            assertThat(pi).hasPassed("End_NotSubscribed").isEnded().variables().containsEntry("askOutcome", outcome);
            assertThat(crm.lastCall()).containsEntry("crmFields", "phone,scope,source,askOutcome,smsReplyIntent");
        }
        assertThat(record.calls).isEmpty();
    }

    @Test
    void a_yes_from_a_number_that_opted_out_records_nothing_and_the_crm_is_told() {
        Mocks.register("smsRecordConsent", new RecordingDelegate().throwsBpmnError("SMS_SUPPRESSED"));
        ProcessInstance pi = start();
        answer(pi, "answered", "CONFIRM");
        assertThat(pi).hasPassed("Boundary_OptedOutBeforeRecord", "Task_NotifyCrmNotConfirmed", "End_NotSubscribed")
                .hasNotPassed("Task_Welcome").isEnded().variables().containsEntry("optInOutcome", "optedOut")
                .containsEntry("askOutcome", "optedOut");
        assertThat(crm.lastCall()).containsEntry("crmEvent", "opt-in-not-confirmed");
        assertThat(send.calls).isEmpty();
    }

    @Test
    void an_opt_out_between_yes_and_welcome_is_told_to_the_crm() {
        Mocks.register("smsSend", new RecordingDelegate().throwsBpmnError("SMS_SUPPRESSED"));
        ProcessInstance pi = start();
        answer(pi, "answered", "CONFIRM");
        assertThat(pi).hasPassed("Task_Record", "Boundary_OptedOutMeanwhile", "End_NotSubscribed")
                .hasNotPassed("Task_NotifyCrm").isEnded().variables().containsEntry("optInOutcome", "optedOut");
        assertThat(crm.lastCall()).containsEntry("crmEvent", "opt-in-not-confirmed");
    }

    @Test
    void while_another_question_waits_it_looks_again_every_ten_minutes_and_then_asks() {
        Mocks.register("smsOpenQuestions", new RecordingDelegate().sets("questionWaiting", true).sets("busyChecks", 1));
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("sms-double-opt-in", "form-43", new HashMap<>(
                Map.of("phone", "+33612345678", "locale", "fr", "source", "WEB_FORM", "proof", "{}")));
        runJobs();
        assertThat(pi).isWaitingAt("Event_Later");
        assertThat(asked(pi)).isNull();
        Mocks.register("smsOpenQuestions", free);
        execute(managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult());
        runJobs();
        assertThat(pi).hasPassed("Gateway_Look", "Task_CheckFree").isWaitingAt("Call_Ask");
    }

    @Test
    void a_number_busy_for_a_day_is_not_asked() {
        Mocks.register("smsOpenQuestions", new RecordingDelegate().sets("questionWaiting", true)
                .sets("busyChecks", 144));
        ProcessInstance pi = start();
        assertThat(pi).hasPassed("Task_NotifyCrmNotConfirmed", "End_NotSubscribed").hasNotPassed("Call_Ask").isEnded()
                .variables().containsEntry("askOutcome", "busy").containsEntry("optInOutcome", "notConfirmed");
    }
}
