package io.smsflows.sms.batch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Bulk sends, {@code smsflows.batches.*}: limits of one request and how a batch reports its end. */
@ConfigurationProperties(prefix = "smsflows.batches")
public class BatchProperties {

    /** Most recipients one batch may carry (JSON, NDJSON or CSV); more is refused with 413, nothing stored. */
    private int maxRecipients = 1_000_000;
    /** Rejected rows listed in the answer to a request (all of them: GET /api/sms/batches/{id}/rejections). */
    private int rejectionsShown = 100;
    /** How often running batches are checked for their end (one indexed count per batch). */
    private Duration progressInterval = Duration.ofMillis(500);
    /** BPMN message correlated to the process that started a batch when it ends, unless the batch names another. */
    private String completedMessage = "SmsBatchCompleted";
    /** Delay before telling a process again that is not waiting for the batch's end yet. */
    private Duration notifyRetryDelay = Duration.ofSeconds(2);
    /** Attempts before a batch's end nobody waits for is given up (logged; the batch stays as it is). */
    private int notifyMaxAttempts = 30;
    /**
     * PostgreSQL: a batch of at least this many rows refreshes the planner statistics of the pipeline's tables
     * (ANALYZE) once it is stored, instead of waiting for autovacuum.
     */
    private int analyzeAfterRows = 1_000;

    public int getMaxRecipients() { return maxRecipients; }
    public void setMaxRecipients(int maxRecipients) { this.maxRecipients = maxRecipients; }
    public int getRejectionsShown() { return rejectionsShown; }
    public void setRejectionsShown(int rejectionsShown) { this.rejectionsShown = rejectionsShown; }
    public Duration getProgressInterval() { return progressInterval; }
    public void setProgressInterval(Duration progressInterval) { this.progressInterval = progressInterval; }
    public String getCompletedMessage() { return completedMessage; }
    public void setCompletedMessage(String completedMessage) { this.completedMessage = completedMessage; }
    public Duration getNotifyRetryDelay() { return notifyRetryDelay; }
    public void setNotifyRetryDelay(Duration notifyRetryDelay) { this.notifyRetryDelay = notifyRetryDelay; }
    public int getNotifyMaxAttempts() { return notifyMaxAttempts; }
    public void setNotifyMaxAttempts(int notifyMaxAttempts) { this.notifyMaxAttempts = notifyMaxAttempts; }
    public int getAnalyzeAfterRows() { return analyzeAfterRows; }
    public void setAnalyzeAfterRows(int analyzeAfterRows) { this.analyzeAfterRows = analyzeAfterRows; }
}
