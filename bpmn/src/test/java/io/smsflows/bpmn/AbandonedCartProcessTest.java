package io.smsflows.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

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

/** Every path of the abandoned-cart journey: consent, recovered before/after the SMS or the nudge, opt-outs, refusals. */
@Deployment(resources = "bpmn/abandoned-cart.bpmn")
class AbandonedCartProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private final RecordingDelegate consent = new RecordingDelegate().sets("consentOk", true);
    private final RecordingDelegate send = new RecordingDelegate().sets("smsMessageId", "m-1");

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("smsMarketingConsent", consent);
        Mocks.register("smsJourneyStart", new io.smsflows.camunda.tasklist.JourneyStartChecks(
                new io.smsflows.sms.number.RecipientPolicy(true, java.util.Set.of("FIXED_LINE"), java.util.Set.of(),
                        java.util.Set.of())));
        Mocks.register("smsTasks", new io.smsflows.camunda.tasklist.TaskLabels());
        Mocks.register("smsSend", send);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    private static int carts;

    private static ProcessInstance start(boolean discount) {
        Map<String, Object> vars = new HashMap<>(Map.of("phone", "+33612345678", "firstName", "Ana", "locale", "fr",
                "shopName", "Maison Lune", "cartLink", "https://s.example/c/1", "cartValue", 59.9,
                "marketingConsent", true));
        if (discount) {
            vars.put("discountCode", "LUNE10");
        }
        // one journey per cart: the start check refuses a business key the engine's history already has
        return runtimeService().startProcessInstanceByKey("abandoned-cart", "cart-" + (++carts), vars);
    }

    private static Job job(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).active().singleResult();
    }

    /** Runs the consent check and lets the delay pass. */
    private static ProcessInstance waitedAndSent(ProcessInstance pi) {
        execute(job(pi)); // consent (async)
        assertThat(pi).isWaitingAt("Gateway_WaitBeforeSms");
        execute(job(pi)); // delay timer
        execute(job(pi)); // send (async)
        return pi;
    }

    private static void message(ProcessInstance pi, String name, Map<String, Object> vars) {
        runtimeService().createMessageCorrelation(name).processInstanceId(pi.getId()).setVariables(vars).correlate();
    }

    @Test
    void no_consent_sends_nothing() {
        Mocks.register("smsMarketingConsent", new RecordingDelegate().sets("consentOk", false));
        ProcessInstance pi = start(false);
        execute(job(pi));
        assertThat(pi).hasPassed("End_NoConsent").isEnded().variables().containsEntry("cartOutcome", "noConsent");
        assertThat(send.calls).isEmpty();
    }

    @Test
    void an_order_before_the_delay_is_recovered_without_an_sms() {
        ProcessInstance pi = start(false);
        execute(job(pi));
        message(pi, "OrderPlaced", Map.of("orderValue", 59.9));
        assertThat(pi).hasPassed("End_RecoveredBeforeSms").isEnded().variables()
                .containsEntry("cartOutcome", "recovered").containsEntry("recoveredRevenue", 59.9);
        assertThat(send.calls).isEmpty();
    }

    @Test
    void the_reminder_is_a_marketing_template_and_an_order_after_it_recovers() {
        ProcessInstance pi = waitedAndSent(start(false));
        assertThat(send.lastCall()).containsEntry("template", "abandoned-cart").containsEntry("category", "marketing")
                .containsEntry("locale", "fr").containsEntry("deliveredMessage", "none");
        assertThat(consent.lastCall()).containsEntry("phone", "+33612345678");
        assertThat(pi).isWaitingAt("Gateway_Final");
        message(pi, "OrderPlaced", Map.of("orderValue", 61.0));
        assertThat(pi).hasPassed("End_RecoveredFinally").isEnded().variables().containsEntry("recoveredRevenue", 61.0);
    }

    @Test
    void without_an_order_in_the_window_it_is_not_recovered() {
        ProcessInstance pi = waitedAndSent(start(false));
        execute(job(pi));
        assertThat(pi).hasPassed("End_NotRecovered").isEnded().variables().containsEntry("cartOutcome", "notRecovered");
    }

    @Test
    void stop_after_the_reminder_ends_it() {
        ProcessInstance pi = waitedAndSent(start(false));
        message(pi, "SmsUnsubscribed", Map.of());
        assertThat(pi).hasPassed("End_OptedOutFinally").isEnded().variables().containsEntry("cartOutcome", "suppressed");
    }

    @Test
    void with_a_discount_code_an_order_after_the_reminder_recovers() {
        ProcessInstance pi = waitedAndSent(start(true));
        assertThat(pi).isWaitingAt("Gateway_AfterReminder");
        message(pi, "OrderPlaced", Map.of("orderValue", 59.9));
        assertThat(pi).hasPassed("End_RecoveredAfterReminder").isEnded();
    }

    @Test
    void with_a_discount_code_stop_after_the_reminder_ends_it() {
        ProcessInstance pi = waitedAndSent(start(true));
        message(pi, "SmsUnsubscribed", Map.of());
        assertThat(pi).hasPassed("End_OptedOutAfterReminder").isEnded();
    }

    @Test
    void the_nudge_brings_the_discount_code_then_the_final_wait() {
        ProcessInstance pi = waitedAndSent(start(true));
        execute(job(pi)); // nudge timer
        execute(job(pi)); // nudge send (async)
        assertThat(send.lastCall()).containsEntry("template", "abandoned-cart-nudge");
        assertThat(pi).isWaitingAt("Gateway_Final");
        execute(job(pi));
        assertThat(pi).hasPassed("Task_SendNudge", "End_NotRecovered").isEnded();
    }

    @Test
    void an_opted_out_number_or_an_invalid_one_ends_without_sending() {
        Mocks.register("smsSend", new RecordingDelegate().throwsBpmnError("SMS_SUPPRESSED"));
        ProcessInstance suppressed = waitedAndSent(start(false));
        assertThat(suppressed).hasPassed("End_Suppressed").isEnded().variables().containsEntry("cartOutcome", "suppressed");
        Mocks.register("smsSend", new RecordingDelegate().throwsBpmnError("SMS_INVALID_RECIPIENT"));
        ProcessInstance invalid = waitedAndSent(start(false));
        assertThat(invalid).hasPassed("End_InvalidNumber").isEnded().variables()
                .containsEntry("cartOutcome", "invalidNumber");
    }

    @Test
    void a_number_that_opts_out_before_the_nudge_gets_no_nudge() {
        ProcessInstance pi = waitedAndSent(start(true));
        Mocks.register("smsSend", new RecordingDelegate().throwsBpmnError("SMS_SUPPRESSED"));
        execute(job(pi)); // nudge timer
        execute(job(pi)); // nudge refused
        assertThat(pi).hasPassed("End_NudgeSuppressed").isEnded();
    }
}
