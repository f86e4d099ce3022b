package io.smsflows.sms.batch;

import io.smsflows.sms.outcome.SmsOutcomeListener.Delivery;
import io.smsflows.sms.preview.PricingProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows running batches: SENDING once a message is on its way, DONE (or the end of a CANCELLED one) when every
 * message is final, then tells the process that started it (with retries while it is not waiting yet).
 */
public class BatchTracker {

    private static final Logger LOG = LoggerFactory.getLogger(BatchTracker.class);
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final BatchRepository batches;
    private final SmsBatchListener listener;
    private final BatchProperties config;
    private final PricingProperties pricing;
    private final Clock clock;

    public BatchTracker(BatchRepository batches, SmsBatchListener listener, BatchProperties config,
                        PricingProperties pricing, Clock clock) {
        this.batches = batches;
        this.listener = listener;
        this.config = config;
        this.pricing = pricing;
        this.clock = clock;
    }

    /** One round over the running batches, then the ends to tell. */
    public void track() {
        for (BatchRepository.BatchRow b : batches.running()) {
            if (b.settled()) {
                if (batches.ended(b.id(), clock.instant())) {
                    LOG.info("Batch {} ended ({}): {} delivered, {} failed, {} expired, {} suppressed, {} cancelled",
                            b.id(), b.state() == BatchState.CANCELLED ? "cancelled" : "done", b.delivered(),
                            b.failed(), b.expired(), b.suppressed(), b.cancelled());
                }
            } else if (b.state() == BatchState.ACCEPTED && b.firstSubmittedAt() != null) {
                batches.sending(b.id());
            }
        }
        notifyEnded();
    }

    private void notifyEnded() {
        Instant now = clock.instant();
        for (BatchRepository.BatchRow b : batches.dueNotifications(now, 100)) {
            if (!batches.claimNotification(b.id(), now, now.plus(LEASE))) {
                continue;
            }
            BatchStatus status = batches.status(batches.findById(b.id()).orElseThrow(), pricing.getCurrency());
            String message = b.completedMessage() != null ? b.completedMessage() : config.getCompletedMessage();
            Delivery result;
            try {
                result = listener.batchEnded(status, message);
            } catch (RuntimeException e) {
                LOG.warn("Telling process {} that batch {} ended failed, will retry: {}", b.processInstanceId(),
                        b.id(), e.toString());
                result = Delivery.RETRY;
            }
            switch (result) {
                case DONE -> batches.notified(b.id(), "DONE");
                case GONE -> {
                    batches.notified(b.id(), "GONE");
                    LOG.info("Batch {} ended; process {} no longer waits for '{}'", b.id(), b.processInstanceId(),
                            message);
                }
                case RETRY -> {
                    int attempts = b.notifyAttempts() + 1;
                    if (attempts >= config.getNotifyMaxAttempts()) {
                        batches.notified(b.id(), "GAVE_UP");
                        LOG.warn("Batch {} ended; process {} never waited for '{}' ({} attempts)", b.id(),
                                b.processInstanceId(), message, attempts);
                    } else {
                        batches.notifyLater(b.id(), attempts, now.plus(config.getNotifyRetryDelay()));
                    }
                }
            }
        }
    }
}
