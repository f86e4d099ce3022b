package io.smsflows.camunda.batch;

import io.smsflows.camunda.correlation.MessageWaits;
import io.smsflows.sms.batch.BatchStatus;
import io.smsflows.sms.batch.SmsBatchListener;
import io.smsflows.sms.outcome.SmsOutcomeListener.Delivery;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;

/**
 * Tells the process that started a batch that it ended, as the BPMN message the batch names ({@code SmsBatchCompleted}
 * by default), with its counts as variables: {@code smsBatchId}, {@code smsBatchState} (DONE or CANCELLED),
 * {@code smsBatchAccepted}, {@code smsBatchDelivered}, {@code smsBatchFailed}, {@code smsBatchExpired},
 * {@code smsBatchSuppressed}, {@code smsBatchCancelled}, {@code smsBatchRejected}, {@code smsBatchParts},
 * {@code smsBatchCost} (a number, or null without prices) and {@code smsBatchDoneAt}.
 */
public class ProcessBatchCorrelator implements SmsBatchListener {

    private final RuntimeService runtimeService;

    public ProcessBatchCorrelator(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public Delivery batchEnded(BatchStatus status, String completedMessage) {
        if (status.processInstanceId() == null) {
            return Delivery.GONE;
        }
        switch (MessageWaits.of(runtimeService, status.processInstanceId(), completedMessage)) {
            case NOT_YET -> {
                return Delivery.RETRY;
            }
            case GONE -> {
                return Delivery.GONE;
            }
            case WAITING -> { }
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("smsBatchId", status.id());
        variables.put("smsBatchState", status.state().name());
        variables.put("smsBatchAccepted", status.accepted());
        variables.put("smsBatchRejected", status.rejected());
        variables.put("smsBatchDelivered", status.delivered());
        variables.put("smsBatchFailed", status.failed());
        variables.put("smsBatchExpired", status.expired());
        variables.put("smsBatchSuppressed", status.suppressed());
        variables.put("smsBatchCancelled", status.cancelled());
        variables.put("smsBatchParts", status.parts());
        variables.put("smsBatchCost", status.cost() == null ? null : status.cost().doubleValue());
        variables.put("smsBatchDoneAt", status.doneAt() == null ? null : Date.from(status.doneAt()));
        try {
            runtimeService.createMessageCorrelation(completedMessage)
                    .processInstanceId(status.processInstanceId())
                    .setVariables(variables)
                    .correlateWithResult();
            return Delivery.DONE;
        } catch (OptimisticLockingException e) {
            return Delivery.RETRY;
        }
    }
}
