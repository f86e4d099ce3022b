package io.smsflows.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.smsflows.camunda.campaign.CampaignPlan;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
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
 * Every path of the campaign model: approved and sent now; rejected, edited and approved; at a time; recurring runs;
 * an A/B test whose winner is found, or picked by a person; cancelled; nobody to send to. The delegates are recording
 * stand-ins and sms-batch a stub that waits until the test ends its batch (the real ones run in the app's tests).
 */
@Deployment(resources = {"bpmn/campaign.bpmn", "stubs/sms-batch-stub.bpmn"})
class CampaignProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private final RecordingDelegate audience = new RecordingDelegate().sets("audienceSize", 3)
            .sets("audienceSummary", "3 of 4 rows will get it");
    private final RecordingDelegate preview = new RecordingDelegate().sets("previewSummary", "Variant A: ...")
            .sets("estimatedCost", 0.21);
    private final RecordingDelegate winner = new RecordingDelegate().sets("winner", "B")
            .sets("testResults", "A: 1 clicked\nB: 2 clicked");
    private final RecordingDelegate report = new RecordingDelegate().sets("kpiSent", 3)
            .sets("campaignOutcome", "sent");
    private final RecordingDelegate crm = new RecordingDelegate();
    private final RecordingDelegate stop = new RecordingDelegate().sets("cancelledBatches", 1);

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("smsCampaignAudience", audience);
        Mocks.register("smsCampaignPreview", preview);
        Mocks.register("smsCampaignWinner", winner);
        Mocks.register("smsCampaignReport", report);
        Mocks.register("smsCampaignStop", stop);
        Mocks.register("crmNotify", crm);
        Mocks.register("smsCampaignPlan", new CampaignPlan(Clock.systemUTC()));
        Mocks.register("smsTasks", new io.smsflows.camunda.tasklist.TaskLabels());
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    private ProcessInstance start(Map<String, Object> extra) {
        Map<String, Object> vars = new HashMap<>(Map.of("campaignId", "cmp-1", "campaignName", "Black Friday",
                "category", "marketing", "variantCount", 1, "textA", "-30% {{link:https://shop.example/bf}}",
                "recipientsUrl", "segments/vip/members", "run", 1));
        vars.putAll(extra);
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("campaign", "cmp-1", vars);
        assertThat(pi).isWaitingAt("Task_BuildAudience");
        execute(job(pi));
        return pi;
    }

    private static Job job(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    }

    private static void runJobs(ProcessInstance pi) {
        Job next;
        while ((next = managementService().createJobQuery().processInstanceId(pi.getId()).executable().list()
                .stream().filter(j -> j.getDuedate() == null || !j.getDuedate().after(new Date())).findFirst()
                .orElse(null)) != null) {
            execute(next);
        }
    }

    private static Task task(ProcessInstance pi) {
        return taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private static List<ProcessInstance> batches(ProcessInstance pi) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list();
    }

    /** Ends every batch the campaign waits for (the stub's task stands for the batch). */
    private static void endBatches(ProcessInstance pi) {
        for (ProcessInstance batch : batches(pi)) {
            complete(taskService().createTaskQuery().processInstanceId(batch.getId()).singleResult());
        }
    }

    private static Map<String, Object> batchVariables(ProcessInstance batch) {
        return runtimeService().getVariables(batch.getId());
    }

    private void approve(ProcessInstance pi) {
        runJobs(pi); // the preview
        assertThat(pi).isWaitingAt("Task_Approve");
        assertThat(task(pi)).hasCandidateGroup("sms-marketer").hasName("Approve Black Friday");
        complete(task(pi), withVariables("approved", true));
    }

    @Test
    void approved_it_sends_every_variant_now_reports_and_tells_the_crm() {
        ProcessInstance pi = start(Map.of("variantCount", 2, "textB", "Black Friday: -30%"));
        approve(pi);

        assertThat(pi).isWaitingAt("Call_SendAll");
        List<ProcessInstance> sent = batches(pi);
        assertThat(sent).hasSize(2);
        assertThat(sent.stream().map(b -> batchVariables(b).get("campaignVariant"))).containsExactlyInAnyOrder("A",
                "B");
        assertThat(batchVariables(sent.get(0))).containsEntry("campaignId", "cmp-1")
                .containsEntry("campaignGroup", "all").containsEntry("category", "marketing");
        assertThat(sent.get(0).getBusinessKey()).isEqualTo("cmp-1");
        endBatches(pi);
        runJobs(pi);

        assertThat(pi).hasPassed("Task_Report", "Task_NotifyCrm").hasNotPassed("Timer_SendAt", "Call_SendTest")
                .isEnded();
        assertThat(pi).hasPassed("End_Sent");
        assertThat(crm.lastCall()).containsEntry("crmEvent", "campaign-reported");
        assertThat(historicVariable(pi, "campaignOutcome")).isEqualTo("sent");
    }

    @Test
    void rejected_it_is_edited_previewed_again_and_approved() {
        ProcessInstance pi = start(Map.of());
        runJobs(pi);
        complete(task(pi), withVariables("approved", false, "approvalComment", "say -30% first"));

        assertThat(pi).isWaitingAt("Task_Edit");
        assertThat(task(pi)).hasName("Edit Black Friday");
        complete(task(pi), withVariables("textA", "-30% today: {{link:https://shop.example/bf}}"));
        runJobs(pi);
        assertThat(preview.calls).hasSize(2); // the edit is previewed (and its cost worked out) again
        assertThat(pi).isWaitingAt("Task_Approve");
        complete(task(pi), withVariables("approved", true));
        endBatches(pi);
        runJobs(pi);
        assertThat(pi).hasPassed("Task_Edit", "End_Sent").isEnded();
    }

    @Test
    void a_variant_left_without_text_goes_back_to_the_edit_with_the_reason() {
        Mocks.register("smsCampaignPreview", new RecordingDelegate().throwsBpmnError("CAMPAIGN_CONTENT_INVALID"));
        ProcessInstance pi = start(Map.of());
        runJobs(pi);

        assertThat(pi).hasPassed("Boundary_ContentInvalid").isWaitingAt("Task_Edit");
        assertThat(runtimeService().getVariable(pi.getId(), "approvalComment")).isEqualTo("test: CAMPAIGN_CONTENT_INVALID");
        Mocks.register("smsCampaignPreview", preview);
        complete(task(pi), withVariables("textA", "-30% today"));
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_Approve");
    }

    @Test
    void scheduled_it_waits_for_its_time() {
        Date at = Date.from(Instant.now().plusSeconds(3600));
        ProcessInstance pi = start(Map.of("sendAt", at));
        approve(pi);

        assertThat(pi).isWaitingAt("Timer_SendAt");
        assertThat(job(pi).getDuedate()).isEqualTo(at);
        assertThat(batches(pi)).isEmpty();
        execute(job(pi));
        assertThat(pi).isWaitingAt("Call_SendAll");
        endBatches(pi);
        runJobs(pi);
        assertThat(pi).isEnded();
    }

    @Test
    void recurring_each_run_is_a_batch_of_its_own_at_its_time() {
        ProcessInstance pi = start(Map.of("repeat", "weekly", "runs", 2));
        approve(pi);
        Date first = (Date) runtimeService().getVariable(pi.getId(), "firstRunAt");
        endBatches(pi);
        runJobs(pi);

        assertThat(pi).isWaitingAt("Timer_NextRun");
        assertThat(job(pi).getDuedate()).isEqualTo(Date.from(first.toInstant().plusSeconds(7 * 24 * 3600)));
        execute(job(pi));
        assertThat(pi).isWaitingAt("Call_SendAll");
        assertThat(runtimeService().getVariable(pi.getId(), "run")).isEqualTo(2);
        endBatches(pi);
        runJobs(pi);
        assertThat(pi).isEnded();
        assertThat(crm.calls).hasSize(2); // the CRM hears of each run
    }

    @Test
    void a_b_test_the_winner_goes_to_the_rest() {
        ProcessInstance pi = start(Map.of("variantCount", 2, "textB", "B", "testShare", 0.1, "testWait", "PT4H",
                "winnerBy", "clicks"));
        approve(pi);

        assertThat(pi).isWaitingAt("Call_SendTest");
        assertThat(batches(pi)).extracting(b -> batchVariables(b).get("campaignGroup")).containsOnly("test");
        endBatches(pi);
        assertThat(pi).isWaitingAt("Timer_TestWait");
        execute(job(pi));
        runJobs(pi);

        assertThat(pi).hasPassed("Task_PickWinner").hasNotPassed("Task_PickWinnerManually")
                .isWaitingAt("Call_SendRest");
        assertThat(batchVariables(batches(pi).get(0))).containsEntry("campaignVariant", "B")
                .containsEntry("campaignGroup", "rest");
        endBatches(pi);
        runJobs(pi);
        assertThat(pi).hasPassed("End_Sent").isEnded();
    }

    @Test
    void a_b_test_without_a_clear_winner_asks_a_person() {
        Mocks.register("smsCampaignWinner", new RecordingDelegate().sets("winner", null)
                .sets("testResults", "A: 0 clicked\nB: 0 clicked"));
        ProcessInstance pi = start(Map.of("variantCount", 2, "textB", "B", "testShare", 0.2, "testWait", "PT1H",
                "winnerBy", "manual"));
        approve(pi);
        endBatches(pi);
        execute(job(pi));
        runJobs(pi);

        assertThat(pi).isWaitingAt("Task_PickWinnerManually");
        assertThat(task(pi)).hasName("Pick the winner of Black Friday");
        Task pick = task(pi);
        assertThatThrownBy(() -> taskService().complete(pick.getId(), Map.of("winner", "C")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("[A, B]");
        complete(task(pi), withVariables("winner", "A"));
        assertThat(pi).isWaitingAt("Call_SendRest");
        assertThat(batchVariables(batches(pi).get(0))).containsEntry("campaignVariant", "A");
        endBatches(pi);
        runJobs(pi);
        assertThat(pi).isEnded();
    }

    @Test
    void cancelled_while_sending_it_stops_the_batches_and_reports() {
        ProcessInstance pi = start(Map.of());
        approve(pi);
        assertThat(batches(pi)).hasSize(1);

        runtimeService().createMessageCorrelation("CancelCampaign").processInstanceId(pi.getId()).correlate();
        assertThat(batches(pi)).isEmpty(); // the batch's instance ends with the campaign's
        runJobs(pi);

        assertThat(pi).hasPassed("Task_Stop", "Task_ReportCancelled", "Task_NotifyCrmCancelled", "End_Cancelled")
                .isEnded();
        assertThat(crm.lastCall()).containsEntry("crmEvent", "campaign-cancelled");
        assertThat(historicVariable(pi, "campaignOutcome")).isEqualTo("cancelled");
    }

    @Test
    void nobody_to_send_to_ends_before_approval() {
        Mocks.register("smsCampaignAudience", new RecordingDelegate().sets("audienceSize", 0));
        ProcessInstance pi = start(Map.of());

        runJobs(pi);
        assertThat(pi).hasPassed("Task_NotifyCrmNoAudience", "End_NoAudience").hasNotPassed("Task_Approve").isEnded();
        assertThat(historicVariable(pi, "campaignOutcome")).isEqualTo("noAudience");
        assertThat(crm.lastCall()).containsEntry("crmEvent", "campaign-not-sent");
    }

    private static Object historicVariable(ProcessInstance pi, String name) {
        return BpmnAwareTests.historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(name).singleResult().getValue();
    }
}
