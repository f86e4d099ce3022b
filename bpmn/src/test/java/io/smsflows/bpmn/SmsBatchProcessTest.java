package io.smsflows.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.List;
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

/**
 * Every path of sms-batch: the batch ends (done or cancelled), takes too long, or is refused as a whole. The batch
 * delegate is a recording stand-in (the real pipeline is tested end to end in the app module).
 */
@Deployment(resources = "bpmn/sms-batch.bpmn")
class SmsBatchProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private final RecordingDelegate batch = new RecordingDelegate().sets("smsBatchId", "batch-1")
            .sets("smsBatchAccepted", 3).sets("smsBatchRejected", 1);

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("smsSendBatch", batch);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    private static Job jobOf(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    }

    private ProcessInstance startAndSend() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("sms-batch", "bf-2026", Map.of(
                "recipients", List.of(Map.of("to", "+33612345678")), "text", "Hi {{firstName}}",
                "category", "marketing"));
        assertThat(pi).isWaitingAt("Task_SendBatch"); // async: the batch is accepted in its own job
        execute(jobOf(pi));
        return pi;
    }

    private static void batchEnded(ProcessInstance pi, String state) {
        runtimeService().createMessageCorrelation("SmsBatchCompleted").processInstanceId(pi.getId())
                .setVariables(Map.of("smsBatchState", state, "smsBatchDelivered", 2, "smsBatchFailed", 1))
                .correlate();
    }

    @Test
    void the_batch_ends_and_the_counts_are_in_the_process() {
        ProcessInstance pi = startAndSend();
        assertThat(batch.lastCall()).containsEntry("text", "Hi {{firstName}}").containsEntry("category", "marketing")
                .containsEntry("recipients", List.of(Map.of("to", "+33612345678")));
        assertThat(pi).isWaitingAt("Gateway_WaitForEnd").variables().containsEntry("smsBatchId", "batch-1");

        batchEnded(pi, "DONE");

        assertThat(pi).hasPassed("End_Done").isEnded();
        assertThat(pi).variables().containsEntry("batchOutcome", "done").containsEntry("smsBatchDelivered", 2);
    }

    @Test
    void a_cancelled_batch_ends_as_cancelled() {
        ProcessInstance pi = startAndSend();
        batchEnded(pi, "CANCELLED");
        assertThat(pi).hasPassed("End_Cancelled").isEnded();
        assertThat(pi).variables().containsEntry("batchOutcome", "cancelled");
    }

    @Test
    void a_batch_that_does_not_end_in_time_times_out() {
        ProcessInstance pi = startAndSend();
        execute(jobOf(pi)); // the timer
        assertThat(pi).hasPassed("Event_BatchTimeout", "End_TimedOut").isEnded();
        assertThat(pi).variables().containsEntry("batchOutcome", "timedOut");
    }

    @Test
    void a_batch_that_cannot_be_sent_at_all_is_refused() {
        batch.throwsBpmnError("SMS_BATCH_INVALID");
        ProcessInstance pi = startAndSend();
        assertThat(pi).hasPassed("Boundary_BatchInvalid", "End_Refused").isEnded();
        assertThat(pi).variables().containsEntry("batchOutcome", "refused")
                .containsEntry("smsErrorCode", "SMS_BATCH_INVALID");
    }
}
