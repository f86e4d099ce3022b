package io.smsflows.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

/**
 * Every path of send-and-track, with the send delegate replaced by a recording stand-in (the real pipeline is
 * tested end to end in the app module).
 */
@Deployment(resources = "bpmn/send-and-track.bpmn")
class SendAndTrackProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private final RecordingSend send = new RecordingSend();

    @BeforeEach
    void setUp() {
        ProcessEngine engine = extension.getProcessEngine();
        BpmnAwareTests.init(engine);
        Mocks.register("smsSend", send);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    private static Job jobOf(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("send-and-track", "order-42",
                Map.of("to", "+4915112345678", "text", "Your order has shipped"));
    }

    @Test
    void delivered_receipt_ends_as_delivered() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Task_SendSms"); // async: the send runs in its own job
        execute(jobOf(pi));
        assertThat(send.to).isEqualTo("+4915112345678");
        assertThat(send.text).isEqualTo("Your order has shipped");
        assertThat(pi).isWaitingAt("Gateway_WaitForReceipt")
                .variables().containsEntry("smsMessageId", "msg-1").containsEntry("smsParts", 1);

        runtimeService().createMessageCorrelation("SmsDelivered").processInstanceId(pi.getId())
                .setVariable("smsStatus", "DELIVERED").correlate();

        assertThat(pi).hasPassed("EndEvent_Delivered").isEnded();
        assertThat(pi).variables().containsEntry("outcome", "delivered").containsEntry("smsStatus", "DELIVERED");
    }

    @Test
    void failed_receipt_ends_as_not_delivered() {
        ProcessInstance pi = start();
        execute(jobOf(pi));
        runtimeService().createMessageCorrelation("SmsFailed").processInstanceId(pi.getId())
                .setVariable("smsStatus", "FAILED").setVariable("smsErrorCode", "UNDELIV:001").correlate();
        assertThat(pi).hasPassed("Event_SmsFailed", "EndEvent_NotDelivered").isEnded();
        assertThat(pi).variables().containsEntry("outcome", "failed").containsEntry("smsErrorCode", "UNDELIV:001");
    }

    @Test
    void no_receipt_in_time_ends_by_the_timer() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("send-and-track",
                Map.of("to", "+4915112345678", "text", "Hi", "receiptTimeout", "PT5M"));
        execute(jobOf(pi));
        Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        long minutes = (timer.getDuedate().getTime() - System.currentTimeMillis()) / 60_000;
        assertThat(minutes).isBetween(3L, 5L); // the receiptTimeout variable is used, not the one-hour default
        execute(timer);
        assertThat(pi).hasPassed("Event_ReceiptTimeout", "EndEvent_NoReceipt").isEnded();
        assertThat(pi).variables().containsEntry("outcome", "unknown");
    }

    @Test
    void refused_message_takes_the_error_path_and_sends_nothing() {
        send.refuseWith = new BpmnError("SMS_TOO_LONG", "SMS text too long: it needs 7 parts");
        ProcessInstance pi = start();
        execute(jobOf(pi));
        assertThat(pi).hasPassed("Event_SmsRefused", "EndEvent_Refused").hasNotPassed("Gateway_WaitForReceipt")
                .isEnded();
        assertThat(pi).variables().containsEntry("outcome", "refused")
                .containsEntry("smsErrorCode", "SMS_TOO_LONG");
    }

    @Test
    void technical_failure_is_retried_then_becomes_an_incident() {
        send.failWith = new IllegalStateException("database unavailable");
        ProcessInstance pi = start();
        Job job = jobOf(pi);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                managementService().executeJob(job.getId());
            } catch (IllegalStateException expected) {
                // retried by the job executor in production
            }
        }
        assertThat(managementService().createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult()
                .getIncidentMessage()).contains("database unavailable");
        assertThat(pi).isWaitingAt("Task_SendSms");
    }

    /** Stands in for the smsSend bean: records its inputs, answers like the outbox. */
    static class RecordingSend implements JavaDelegate {
        String to;
        String text;
        BpmnError refuseWith;
        RuntimeException failWith;

        @Override
        public void execute(DelegateExecution execution) {
            if (failWith != null) {
                throw failWith;
            }
            if (refuseWith != null) {
                throw refuseWith;
            }
            to = (String) execution.getVariable("to");
            text = (String) execution.getVariable("text");
            execution.setVariable("smsMessageId", "msg-1");
            execution.setVariable("smsParts", 1);
            execution.setVariable("smsEncoding", "GSM7");
        }
    }
}
