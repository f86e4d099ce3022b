package io.smsflows.sms.support;

import java.util.Collection;

/**
 * How one stage of the pipeline hands work to the next in memory, so it is done at once instead of at the next poll.
 * Only a shortcut: every stage also finds its work in the database, so a lost signal (full queue, restart) delays
 * work, it never loses it.
 */
public interface PipelineSignals {

    /** Messages reached a final state and a process waits for them. */
    void outcomesReady(Collection<String> messageIds);

    /** Parts got their SMSC ids: receipts that came earlier can be matched now. */
    void partsSubmitted(Collection<String> smscMessageIds);

    /** New messages are due in the outbox. */
    void outboxReady();

    /** Inbound messages were stored: replies to process. */
    void inboundReady();

    /** Signals that go nowhere (tests, or a node that does not run the pipeline). */
    PipelineSignals NONE = new PipelineSignals() {
        @Override
        public void outcomesReady(Collection<String> messageIds) {
        }

        @Override
        public void partsSubmitted(Collection<String> smscMessageIds) {
        }

        @Override
        public void outboxReady() {
        }

        @Override
        public void inboundReady() {
        }
    };
}
