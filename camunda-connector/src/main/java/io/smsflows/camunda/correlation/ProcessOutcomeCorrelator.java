package io.smsflows.camunda.correlation;

import io.smsflows.sms.outcome.SmsOutcome;
import io.smsflows.sms.outcome.SmsOutcomeListener;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Correlates an SMS outcome into the process instance that sent it, as the BPMN message the send task named
 * (SmsDelivered / SmsFailed by default), with the variables an analyst needs to branch and report on:
 * {@code smsStatus}, {@code smsErrorCode}, {@code smsErrorText}, {@code smsParts}, {@code smsSubmittedAt},
 * {@code smsDoneAt}, {@code smsMessageId}.
 */
public class ProcessOutcomeCorrelator implements SmsOutcomeListener {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessOutcomeCorrelator.class);

    private final RuntimeService runtimeService;

    public ProcessOutcomeCorrelator(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public Delivery deliver(SmsOutcome outcome) {
        if (outcome.processInstanceId() == null) {
            return Delivery.GONE;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("smsMessageId", outcome.messageId());
        variables.put("smsStatus", outcome.status().name());
        variables.put("smsErrorCode", outcome.errorCode());
        variables.put("smsErrorText", outcome.errorText());
        variables.put("smsParts", outcome.parts());
        variables.put("smsSubmittedAt", outcome.submittedAt() == null ? null : Date.from(outcome.submittedAt()));
        variables.put("smsDoneAt", outcome.doneAt() == null ? null : Date.from(outcome.doneAt()));
        switch (MessageWaits.of(runtimeService, outcome.processInstanceId(), outcome.messageName())) {
            case NOT_YET -> {
                return Delivery.RETRY;
            }
            case GONE -> {
                return Delivery.GONE;
            }
            case WAITING -> { }
        }
        try {
            runtimeService.createMessageCorrelation(outcome.messageName())
                    .processInstanceId(outcome.processInstanceId())
                    .setVariables(variables)
                    .correlateWithResult();
            LOG.debug("SMS {} {}: correlated '{}' into process {}", outcome.messageId(), outcome.status(),
                    outcome.messageName(), outcome.processInstanceId());
            return Delivery.DONE;
        } catch (MismatchingMessageCorrelationException e) {
            boolean exists = runtimeService.createProcessInstanceQuery()
                    .processInstanceId(outcome.processInstanceId()).count() > 0;
            return exists ? Delivery.RETRY : Delivery.GONE;
        } catch (OptimisticLockingException e) {
            return Delivery.RETRY; // the instance moved concurrently (e.g. its timer fired): look again
        }
    }
}
