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

    public static State of(RuntimeService runtime, String processInstanceId, String messageName) {
        if (runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId).eventType("message")
                .eventName(messageName).count() > 0) {
            return State.WAITING;
        }
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0
                ? State.NOT_YET : State.GONE;
    }
}
