package io.smsflows.sms.outcome;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Handing final outcomes (delivered, failed) to the process engine, {@code smsflows.outcomes.*}. Outcomes of
 * receipts applied on this node are handed over at once; the poll finds the rest (retries, other nodes, restarts).
 */
@ConfigurationProperties(prefix = "smsflows.outcomes")
public class OutcomeProperties {

    /** Safety-net poll for outcomes not yet handed to the engine. */
    private Duration pollInterval = Duration.ofSeconds(1);
    /** Delay before retrying when the process instance is not (yet) waiting for the outcome. */
    private Duration retryDelay = Duration.ofSeconds(2);
    /** Attempts before an outcome the process never waits for is given up (logged, kept in sms_message). */
    private int maxAttempts = 30;
    /** Hand-overs in parallel, each one engine transaction for up to {@code batchSize} outcomes. */
    private int threads = 2;
    /** Outcomes correlated in one engine transaction (one by one again if any of them fails). */
    private int batchSize = 20;

    public Duration getPollInterval() { return pollInterval; }
    public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
    public Duration getRetryDelay() { return retryDelay; }
    public void setRetryDelay(Duration retryDelay) { this.retryDelay = retryDelay; }
    public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
    public int getThreads() { return threads; }
    public void setThreads(int threads) { this.threads = threads; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
}
