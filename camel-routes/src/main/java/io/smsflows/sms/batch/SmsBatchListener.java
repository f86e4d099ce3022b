package io.smsflows.sms.batch;

import io.smsflows.sms.outcome.SmsOutcomeListener.Delivery;

/**
 * Told when a batch started by a process ends. The Camunda integration correlates the batch's completed message
 * ({@code SmsBatchCompleted} by default) with its counts into that process.
 */
public interface SmsBatchListener {

    /**
     * @param completedMessage BPMN message name to correlate
     * @return DONE, RETRY (the process is not waiting yet) or GONE (it never will)
     */
    Delivery batchEnded(BatchStatus status, String completedMessage);
}
