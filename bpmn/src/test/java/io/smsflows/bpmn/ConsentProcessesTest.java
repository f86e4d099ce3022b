package io.smsflows.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of the unsubscribe, re-subscribe and unsolicited-reply processes, with recording delegates. */
@Deployment(resources = {"bpmn/sms-unsubscribe.bpmn", "bpmn/sms-resubscribe.bpmn", "bpmn/sms-unsolicited-reply.bpmn"})
class ConsentProcessesTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private final RecordingDelegate send = new RecordingDelegate().sets("smsMessageId", "msg-1");
    private final RecordingDelegate suppress = new RecordingDelegate().sets("suppressionId", "s-1");
    private final RecordingDelegate resubscribe = new RecordingDelegate().sets("resubscribed", true);
    private final RecordingDelegate crm = new RecordingDelegate();
    private final RecordingDelegate endJourneys = new RecordingDelegate().sets("journeysEnded", 2);

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("smsSend", send);
        Mocks.register("smsSuppress", suppress);
        Mocks.register("smsResubscribe", resubscribe);
        Mocks.register("crmNotify", crm);
        Mocks.register("smsEndJourneys", endJourneys);
        Mocks.register("smsTexts", new RecordingDelegate.Texts());
        Mocks.register("smsJourneyStart", new io.smsflows.camunda.tasklist.JourneyStartChecks(
                new io.smsflows.sms.number.RecipientPolicy(true, java.util.Set.of("FIXED_LINE"), java.util.Set.of(),
                        java.util.Set.of())));
        Mocks.register("smsTasks", new io.smsflows.camunda.tasklist.TaskLabels());
        Mocks.register("smsEndJourneys", endJourneys);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    /** Runs the async jobs of every instance (also called ones) until none is ready. */
    private static void runJobs(ProcessInstance pi) {
        Job job;
        while ((job = managementService().createJobQuery().messages().active().listPage(0, 1).stream().findFirst()
                .orElse(null)) != null) {
            execute(job);
        }
    }

    private static ProcessInstance start(String key, Map<String, Object> vars) {
        return runtimeService().startProcessInstanceByKey(key, new HashMap<>(vars));
    }

    @Test
    void sms_opt_out_is_recorded_confirmed_once_reported_and_ends_journeys() {
        ProcessInstance pi = start("sms-unsubscribe", Map.of("phone", "+33612345678", "ourNumber", "33700000001",
                "source", "SMS", "reason", "keyword STOP", "proof", "Stop", "sendConfirmation", true));
        runJobs(pi);
        assertThat(pi).hasPassed("Task_Suppress", "Task_Confirm", "Task_NotifyCrm", "Task_EndJourneys",
                "End_Unsubscribed").isEnded();
        assertThat(suppress.lastCall()).containsEntry("phone", "+33612345678").containsEntry("source", "SMS")
                .containsEntry("proof", "Stop");
        assertThat(send.calls).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("category", "consent").containsEntry("text", "You are unsubscribed.")
                .containsEntry("sender", "33700000001"));
        assertThat(crm.lastCall()).containsEntry("crmEvent", "unsubscribed");
        assertThat(endJourneys.lastCall()).containsEntry("phone", "+33612345678");
    }

    @Test
    void crm_opt_out_sends_no_confirmation() {
        ProcessInstance pi = start("sms-unsubscribe", Map.of("phone", "+33612345678", "source", "CRM"));
        runJobs(pi);
        assertThat(pi).hasPassed("Gateway_Confirmed", "End_Unsubscribed").hasNotPassed("Task_Confirm").isEnded();
        assertThat(send.calls).isEmpty();
    }

    @Test
    void an_invalid_number_ends_without_anything_else() {
        Mocks.register("smsSuppress", new RecordingDelegate().throwsBpmnError("SMS_INVALID_RECIPIENT"));
        ProcessInstance pi = start("sms-unsubscribe", Map.of("phone", "12"));
        runJobs(pi);
        assertThat(pi).hasPassed("End_Invalid").isEnded();
        assertThat(crm.calls).isEmpty();
    }

    @Test
    void resubscribe_lifts_confirms_and_reports() {
        ProcessInstance pi = start("sms-resubscribe", Map.of("phone", "+33612345678", "ourNumber", "33700000001",
                "source", "SMS", "reason", "keyword START", "sendConfirmation", true));
        runJobs(pi);
        assertThat(pi).hasPassed("Task_Lift", "Task_Confirm", "Task_NotifyCrm", "End_Resubscribed").isEnded();
        assertThat(send.lastCall()).containsEntry("text", "You are subscribed again.")
                .containsEntry("category", "transactional");
        assertThat(crm.lastCall()).containsEntry("crmEvent", "resubscribed");
    }

    @Test
    void resubscribe_by_an_operator_without_confirmation() {
        ProcessInstance pi = start("sms-resubscribe", Map.of("phone", "+33612345678", "source", "OPERATOR",
                "reason", "asked by phone"));
        runJobs(pi);
        assertThat(pi).hasPassed("Gateway_Confirmed", "End_Resubscribed").hasNotPassed("Task_Confirm").isEnded();
        assertThat(send.calls).isEmpty();
    }

    @Test
    void resubscribe_of_a_number_that_was_not_suppressed_changes_nothing() {
        Mocks.register("smsResubscribe", new RecordingDelegate().sets("resubscribed", false));
        ProcessInstance pi = start("sms-resubscribe", Map.of("phone", "+33612345678", "sendConfirmation", true));
        runJobs(pi);
        assertThat(pi).hasPassed("End_NothingToLift").isEnded();
        assertThat(send.calls).isEmpty();
        assertThat(crm.calls).isEmpty();
    }

    @Test
    void a_confirmation_refused_because_another_scope_still_blocks_ends_without_the_crm() {
        Mocks.register("smsSend", new RecordingDelegate().throwsBpmnError("SMS_SUPPRESSED"));
        ProcessInstance pi = start("sms-resubscribe", Map.of("phone", "+33612345678", "scope", "ACME",
                "sendConfirmation", true));
        runJobs(pi);
        assertThat(pi).hasPassed("End_StillSuppressed").isEnded();
        assertThat(crm.calls).isEmpty();
    }

    @Test
    void resubscribe_of_an_invalid_number() {
        Mocks.register("smsResubscribe", new RecordingDelegate().throwsBpmnError("SMS_INVALID_RECIPIENT"));
        ProcessInstance pi = start("sms-resubscribe", Map.of("phone", "x"));
        runJobs(pi);
        assertThat(pi).hasPassed("End_Invalid").isEnded();
    }

    @Test
    void unsolicited_message_gets_the_help_text_when_allowed() {
        ProcessInstance pi = start("sms-unsolicited-reply", Map.of("phone", "+33612345678", "ourNumber", "33700000001",
                "autoReply", true, "smsReplyText", "Hello?"));
        runJobs(pi);
        assertThat(pi).hasPassed("Task_SendHelp", "End_Answered").isEnded();
        assertThat(send.lastCall()).containsEntry("text", "Help text.").containsEntry("to", "+33612345678");
    }

    @Test
    void unsolicited_message_to_an_opted_out_number_is_not_answered() {
        Mocks.register("smsSend", new RecordingDelegate().throwsBpmnError("SMS_SUPPRESSED"));
        ProcessInstance pi = start("sms-unsolicited-reply", Map.of("phone", "+33612345678", "autoReply", true,
                "smsReplyText", "Hello?"));
        runJobs(pi);
        assertThat(pi).hasPassed("End_NotAnswered").isEnded();
    }

    @Test
    void an_operator_handles_it_or_unsubscribes_the_number() {
        ProcessInstance handled = start("sms-unsolicited-reply", Map.of("phone", "+33612345678", "autoReply", false,
                "smsReplyText", "Who is this?"));
        assertThat(handled).isWaitingAt("Task_Handle");
        assertThat(task(handled)).hasCandidateGroup("sms-operator");
        complete(task(handled), Map.of("operatorAction", "none"));
        assertThat(handled).hasPassed("End_Handled").isEnded();

        ProcessInstance unsubscribed = start("sms-unsolicited-reply", Map.of("phone", "+33612345678", "autoReply", false,
                "smsReplyText", "Leave me alone"));
        complete(task(unsubscribed), Map.of("operatorAction", "unsubscribe", "operatorNote", "asked to stop"));
        runJobs(unsubscribed);
        assertThat(unsubscribed).hasPassed("Call_Unsubscribe", "End_Unsubscribed").isEnded();
        // the whole unsubscribe journey ran: suppression with the message as proof, CRM told, journeys ended
        assertThat(suppress.lastCall()).containsEntry("source", "OPERATOR").containsEntry("reason", "asked to stop")
                .containsEntry("proof", "Leave me alone");
        assertThat(crm.lastCall()).containsEntry("crmEvent", "unsubscribed");
        assertThat(endJourneys.calls).isNotEmpty();
    }
}
