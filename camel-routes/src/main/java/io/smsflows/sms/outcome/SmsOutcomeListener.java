package io.smsflows.sms.outcome;

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
}
