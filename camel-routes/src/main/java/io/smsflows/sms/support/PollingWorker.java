package io.smsflows.sms.support;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One background thread that runs a unit of work when woken, and at the latest every {@code interval} as a safety
 * net. Wake-ups coalesce: many commits in a burst cause one extra round, not one round each. A round that reports
 * more work left runs again at once.
 */
public class PollingWorker implements SmartLifecycle {

    /** One round of work; returns true when there may be more to do right away. */
    @FunctionalInterface
    public interface Round {
        boolean run() throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(PollingWorker.class);

    private final String name;
    private final Duration interval;
    private final Round round;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public PollingWorker(String name, Duration interval, Round round) {
        this.name = name;
        this.interval = interval;
        this.round = round;
    }

    /** Run a round soon. */
    public void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Run a round after the current transaction commits (at once if there is none); a rollback wakes nobody. */
    public void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    private void loop() {
        long backoffMs = 0;
        while (running) {
            try {
                if (backoffMs > 0 || !signal.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                    // woken by the safety interval (or backing off after an error)
                }
                signal.drainPermits();
                if (backoffMs > 0) {
                    Thread.sleep(backoffMs);
                }
                boolean more;
                do {
                    more = running && round.run();
                } while (more);
                backoffMs = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                backoffMs = Math.min(Math.max(backoffMs * 2, 500), 30_000);
                LOG.warn("{}: round failed, retrying in {} ms: {}", name, backoffMs, e.toString());
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // after Camel (which starts in the default phase), before nothing else: stop first on shutdown
        return Integer.MAX_VALUE - 100;
    }
}
