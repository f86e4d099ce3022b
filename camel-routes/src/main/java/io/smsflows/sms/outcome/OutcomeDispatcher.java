package io.smsflows.sms.outcome;

import io.smsflows.sms.outbox.MessageStatus;
import io.smsflows.sms.outbox.SmsMessage;
import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.outbox.SmsMessageRepository.OutcomeRetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands final outcomes to the {@link SmsOutcomeListener} (the process engine), outside the SMPP threads and outside
 * any receipt transaction, a batch at a time. Outcomes wait in sms_message (notify_status PENDING) until the listener
 * takes them, so a restart or a process that is not yet waiting loses nothing; after {@code maxAttempts} an outcome
 * nobody waits for is given up (GAVE_UP), logged, and still visible in sms_message.
 */
public class OutcomeDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeDispatcher.class);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final int SWEEP = 500;

    private final SmsMessageRepository messages;
    private final SmsOutcomeListener listener;
    private final OutcomeProperties config;
    private final Clock clock;

    public OutcomeDispatcher(SmsMessageRepository messages, SmsOutcomeListener listener, OutcomeProperties config,
                             Clock clock) {
        this.messages = messages;
        this.listener = listener;
        this.config = config;
        this.clock = clock;
    }

    /** Hands over the outcomes of these messages that are due (others took them, or they are not due: skipped). */
    public void handOver(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<SmsMessage> claimed = messages.claimOutcomes(messageIds, now, now.plus(LEASE));
        for (int i = 0; i < claimed.size(); i += config.getBatchSize()) {
            deliver(claimed.subList(i, Math.min(claimed.size(), i + config.getBatchSize())));
        }
    }

    /** One poll round: outcomes due (retries, other nodes' receipts, restarts). True if more may be due. */
    public boolean handOverDue() {
        List<String> due = messages.dueOutcomes(clock.instant(), SWEEP);
        handOver(due);
        return due.size() == SWEEP;
    }

    private void deliver(List<SmsMessage> batch) {
        List<SmsOutcome> outcomes = batch.stream().map(OutcomeDispatcher::outcome).toList();
        List<SmsOutcomeListener.Delivery> results;
        try {
            results = listener.deliverAll(outcomes);
        } catch (RuntimeException e) {
            LOG.warn("Handing {} outcome(s) to their processes failed, will retry: {}", outcomes.size(), e.toString());
            results = outcomes.stream().map(o -> SmsOutcomeListener.Delivery.RETRY).toList();
        }
        Map<String, String> done = new LinkedHashMap<>();
        List<OutcomeRetry> retries = new ArrayList<>();
        Instant next = clock.instant().plus(config.getRetryDelay());
        for (int i = 0; i < batch.size(); i++) {
            SmsMessage m = batch.get(i);
            switch (results.get(i)) {
                case DONE -> done.put(m.id(), "DONE");
                case GONE -> {
                    done.put(m.id(), "GONE");
                    LOG.info("Outcome {} of SMS {} not handed over: process {} no longer waits for it", m.status(),
                            m.id(), m.processInstanceId());
                }
                case RETRY -> {
                    int attempts = m.notifyAttempts() + 1;
                    if (attempts >= config.getMaxAttempts()) {
                        done.put(m.id(), "GAVE_UP");
                        LOG.warn("Outcome {} of SMS {} given up after {} attempts: process {} never waited for it",
                                m.status(), m.id(), attempts, m.processInstanceId());
                    } else {
                        retries.add(new OutcomeRetry(m.id(), attempts, next));
                    }
                }
            }
        }
        messages.outcomesDone(done);
        messages.outcomesRetry(retries);
    }

    private static SmsOutcome outcome(SmsMessage m) {
        boolean delivered = m.status() == MessageStatus.DELIVERED;
        return new SmsOutcome(m.id(), m.processInstanceId(), m.activityId(),
                delivered ? m.deliveredMessage() : m.failedMessage(), m.status(), m.errorCode(), m.errorText(),
                m.parts() == null ? 0 : m.parts(), m.submittedAt(), m.doneAt(), m.carrier(), m.routeRule());
    }
}
