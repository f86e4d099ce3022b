package io.smsflows.camunda.correlation;

import org.camunda.bpm.engine.RuntimeService;

/**
 * Whether an instance waits for a message, asked before correlating: a failed correlation would throw an exception
 * the engine logs as an ERROR, for what is a normal case (the instance is not there yet, or not any more).
 */
public final class MessageWaits {

    /** What a correlation attempt would find. */
    public enum State { WAITING, NOT_YET, GONE }

    private MessageWaits() {
    }

    /**
     * Asked as an execution query (the one the engine's correlation runs): ACT_RU_EVENT_SUBSCR has no index on the
     * process instance, so an event subscription query by instance reads every subscription of that message name,
     * one per waiting instance, and grows with them.
     */
    public static State of(RuntimeService runtime, String processInstanceId, String messageName) {
        if (runtime.createExecutionQuery().processInstanceId(processInstanceId)
                .messageEventSubscriptionName(messageName).count() > 0) {
            return State.WAITING;
        }
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0
                ? State.NOT_YET : State.GONE;
    }
}
