package io.smsflows.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

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

/** Every path of sms-ask: answered before or after the receipt, no reply, not delivered, opted out, refused. */
@Deployment(resources = "bpmn/sms-ask.bpmn")
class SmsAskProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private final RecordingDelegate send = new RecordingDelegate().sets("smsMessageId", "msg-1")
            .sets("smsRecipient", "+33612345678")
            .sets("smsReplyDeadline", java.util.Date.from(java.time.Instant.now().plusSeconds(7200)));

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("smsSend", send);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    private ProcessInstance askAndSend() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("sms-ask", "appointment-1",
                Map.of("to", "+33612345678", "text", "Reply YES to confirm", "locale", "fr", "replyTimeout", "PT2H"));
        assertThat(pi).isWaitingAt("Task_SendQuestion");
        execute(job(pi));
        assertThat(pi).isWaitingAt("Gateway_DeliveredOrAnswered");
        return pi;
    }

    private static Job job(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    }

    private static void correlate(ProcessInstance pi, String message, Map<String, Object> vars) {
        runtimeService().createMessageCorrelation(message).processInstanceId(pi.getId()).setVariables(vars).correlate();
    }

    @Test
    void the_question_opens_a_conversation_with_the_reply_timeout() {
        askAndSend();
        assertThat(send.lastCall()).containsEntry("to", "+33612345678").containsEntry("text", "Reply YES to confirm")
                .containsEntry("expectsReply", true).containsEntry("replyTimeout", "PT2H").containsEntry("locale", "fr");
    }

    @Test
    void reply_after_the_receipt_is_answered() {
        ProcessInstance pi = askAndSend();
        correlate(pi, "SmsDelivered", Map.of());
        assertThat(pi).isWaitingAt("Gateway_Answered");
        correlate(pi, "SmsReply", Map.of("smsReplyIntent", "CONFIRM"));
        assertThat(pi).hasPassed("End_Answered").isEnded().variables().containsEntry("askOutcome", "answered")
                .containsEntry("smsReplyIntent", "CONFIRM");
    }

    @Test
    void no_reply_after_the_receipt_times_out_at_the_conversations_deadline() {
        ProcessInstance pi = askAndSend();
        correlate(pi, "SmsDelivered", Map.of());
        assertThat(job(pi).getDuedate()).isEqualTo(runtimeService().getVariable(pi.getId(), "smsReplyDeadline"));
        execute(job(pi));
        assertThat(pi).hasPassed("Event_NoReply", "End_NoReply").isEnded().variables()
                .containsEntry("askOutcome", "noReply");
    }

    @Test
    void opting_out_while_waiting_for_the_reply_ends_it() {
        ProcessInstance pi = askAndSend();
        correlate(pi, "SmsDelivered", Map.of());
        correlate(pi, "SmsUnsubscribed", Map.of());
        assertThat(pi).hasPassed("End_OptedOutWaiting").isEnded().variables().containsEntry("askOutcome", "optedOut");
    }

    @Test
    void a_reply_before_the_receipt_is_answered_too() {
        ProcessInstance pi = askAndSend();
        correlate(pi, "SmsReply", Map.of("smsReplyIntent", "CANCEL"));
        assertThat(pi).hasPassed("Event_ReplyFirst", "End_AnsweredFirst").isEnded().variables()
                .containsEntry("askOutcome", "answered");
    }

    @Test
    void a_failed_receipt_is_not_delivered() {
        ProcessInstance pi = askAndSend();
        correlate(pi, "SmsFailed", Map.of("smsStatus", "FAILED"));
        assertThat(pi).hasPassed("End_NotDelivered").isEnded().variables().containsEntry("askOutcome", "notDelivered");
    }

    @Test
    void no_receipt_and_no_reply_times_out() {
        ProcessInstance pi = askAndSend();
        execute(job(pi));
        assertThat(pi).hasPassed("Event_NoReceipt", "End_NoReceipt").isEnded().variables()
                .containsEntry("askOutcome", "noReply");
    }

    @Test
    void opting_out_before_the_receipt_ends_it() {
        ProcessInstance pi = askAndSend();
        correlate(pi, "SmsUnsubscribed", Map.of());
        assertThat(pi).hasPassed("End_OptedOutEarly").isEnded().variables().containsEntry("askOutcome", "optedOut");
    }

    @Test
    void refusals_before_sending_end_with_their_outcome() {
        for (String[] c : new String[][] {{"SMS_SUPPRESSED", "End_OptedOutBeforeSend", "optedOut"},
                {"SMS_INVALID_RECIPIENT", "End_InvalidNumber", "invalidNumber"},
                {"SMS_TOO_LONG", "End_TooLong", "tooLong"}}) {
            Mocks.register("smsSend", new RecordingDelegate().throwsBpmnError(c[0]));
            ProcessInstance pi = runtimeService().startProcessInstanceByKey("sms-ask", Map.of("to", "+33612345678",
                    "text", "Hi"));
            execute(job(pi));
            assertThat(pi).hasPassed(c[1]).isEnded().variables().containsEntry("askOutcome", c[2]);
        }
    }
}
