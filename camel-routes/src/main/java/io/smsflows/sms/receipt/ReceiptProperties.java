package io.smsflows.sms.receipt;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery receipts, {@code smsflows.receipts.*}: how they are stored, matched and when a message expires.
 */
@ConfigurationProperties(prefix = "smsflows.receipts")
public class ReceiptProperties {

    /** How often stored receipts that matched no part yet (early receipts) are matched again. */
    private Duration retryInterval = Duration.ofSeconds(1);
    /** After this, an unmatched receipt is kept as ORPHAN and no longer retried. */
    private Duration matchWindow = Duration.ofHours(48);
    /** A submitted message without final receipts for all parts after this is marked EXPIRED (outcome failed). */
    private Duration timeout = Duration.ofHours(72);
    /** Receipts stored in one transaction at most (each SMSC still gets its deliver_sm_resp only after the commit). */
    private int batchSize = 200;
    /** How long a receipt may wait for others to share its commit. */
    private Duration storeWait = Duration.ofMillis(5);
    /**
     * Batches stored at once, each in its own transaction. An SMSC sends only so many receipts before it waits for
     * their deliver_sm_resp (its window), and every one waits for its commit: with one transaction at a time, that
     * window divided by the commit time is the most receipts per second a bind can bring.
     */
    private int storeThreads = 2;

    public Duration getRetryInterval() { return retryInterval; }
    public void setRetryInterval(Duration retryInterval) { this.retryInterval = retryInterval; }
    public Duration getMatchWindow() { return matchWindow; }
    public void setMatchWindow(Duration matchWindow) { this.matchWindow = matchWindow; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
    public Duration getStoreWait() { return storeWait; }
    public void setStoreWait(Duration storeWait) { this.storeWait = storeWait; }
    public int getStoreThreads() { return storeThreads; }
    public void setStoreThreads(int storeThreads) { this.storeThreads = storeThreads; }
}
