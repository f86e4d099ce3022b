package io.smsflows.sms.outcome;

import java.util.List;

/**
 * Receives final outcomes of messages sent on behalf of a process. The Camunda integration implements it by
 * correlating a BPMN message; the pipeline itself knows no engine.
 */
public interface SmsOutcomeListener {

    /** What became of a hand-over. */
    enum Delivery {
        /** The process took it. */
        DONE,
        /** The process is not waiting for it (yet): try again later. */
        RETRY,
        /** The process is gone (ended, deleted) or never waits for it: stop trying. */
        GONE
    }

    Delivery deliver(SmsOutcome outcome);

    /**
     * Hands over several outcomes; one result per outcome, in order. Override to share one transaction among them
     * (the Camunda integration does); by default each is handed over on its own.
     */
    default List<Delivery> deliverAll(List<SmsOutcome> outcomes) {
        return outcomes.stream().map(this::deliver).toList();
    }
}
