package io.smsflows.sms.outcome;

import io.smsflows.sms.config.SmsFlowsProperties;
import io.smsflows.sms.outbox.SmsMessage;
import io.smsflows.sms.outbox.SmsMessageRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands final outcomes to the {@link SmsOutcomeListener}, outside the SMPP threads and outside any receipt
 * transaction. Outcomes wait in sms_message (notify_status PENDING) until the listener takes them, so a restart
 * or a process that is not yet waiting loses nothing; after {@code maxAttempts} an outcome nobody waits for is
 * given up (GAVE_UP), logged, and still visible in sms_message.
 */
public class OutcomeNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeNotifier.class);
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final SmsMessageRepository messages;
    private final SmsOutcomeListener listener;
    private final SmsFlowsProperties.Outcomes config;
    private final Clock clock;
    private final java.util.concurrent.ExecutorService pool;

    public OutcomeNotifier(SmsMessageRepository messages, SmsOutcomeListener listener,
                           SmsFlowsProperties.Outcomes config, Clock clock) {
        this.messages = messages;
        this.listener = listener;
        this.config = config;
        this.clock = clock;
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        // correlations of different instances are independent: hand them over in parallel
        this.pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, config.getThreads()), r -> {
            Thread t = new Thread(r, "sms-outcome-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** One round; true if the batch was full and more may be due. */
    public boolean notifyDue() {
        Instant now = clock.instant();
        List<SmsMessage> due = messages.claimOutcomes(now, now.plus(LEASE), 200);
        List<java.util.concurrent.Future<?>> running = due.stream().map(m -> pool.submit(() -> handOver(m)))
                .collect(java.util.stream.Collectors.toList());
        for (java.util.concurrent.Future<?> f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warn("Outcome hand-over failed: {}", e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return due.size() == 200;
    }

    private void handOver(SmsMessage m) {
        boolean delivered = m.status() == io.smsflows.sms.outbox.MessageStatus.DELIVERED;
        SmsOutcome outcome = new SmsOutcome(m.id(), m.processInstanceId(), m.activityId(),
                delivered ? m.deliveredMessage() : m.failedMessage(), m.status(), m.errorCode(), m.errorText(),
                m.parts() == null ? 0 : m.parts(), m.submittedAt(), m.doneAt());
        SmsOutcomeListener.Delivery result;
        try {
            result = listener.deliver(outcome);
        } catch (RuntimeException e) {
            LOG.warn("Handing outcome of SMS {} to process {} failed, will retry: {}", m.id(), m.processInstanceId(),
                    e.toString());
            result = SmsOutcomeListener.Delivery.RETRY;
        }
        switch (result) {
            case DONE -> messages.outcomeDone(m.id(), "DONE");
            case GONE -> {
                messages.outcomeDone(m.id(), "GONE");
                LOG.info("Outcome {} of SMS {} not handed over: process {} no longer waits for it", m.status(),
                        m.id(), m.processInstanceId());
            }
            case RETRY -> {
                int attempts = m.notifyAttempts() + 1;
                if (attempts >= config.getMaxAttempts()) {
                    messages.outcomeDone(m.id(), "GAVE_UP");
                    LOG.warn("Outcome {} of SMS {} given up after {} attempts: process {} never waited for message '{}'",
                            m.status(), m.id(), attempts, m.processInstanceId(), outcome.messageName());
                } else {
                    messages.outcomeRetry(m.id(), attempts, clock.instant().plus(config.getRetryDelay()));
                }
            }
        }
    }
}
