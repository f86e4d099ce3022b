package io.smsflows.sms.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox and its dispatcher, {@code smsflows.outbox.*}: how due messages are claimed, admitted through the
 * opt-out gate and retried.
 */
@ConfigurationProperties(prefix = "smsflows.outbox")
public class OutboxProperties {

    /** This node submits outbox rows. Off: it only queues them (e.g. nodes that run processes but hold no bind). */
    private boolean dispatch = true;
    /** This node's name in claims (sms_message.claimed_by); empty: host name and a random suffix. */
    private String nodeId;
    /**
     * How often the dispatcher looks for due messages when idle (one indexed query). A commit that queues messages
     * wakes it at once on this node; other nodes see them at their next poll.
     */
    private Duration pollInterval = Duration.ofMillis(100);
    /** Messages claimed per round (one {@code FOR UPDATE SKIP LOCKED} query and one batched update). */
    private int batchSize = 500;
    /**
     * Messages admitted through the opt-out gate together: their recipients stay locked in one transaction until
     * their first parts are answered by the SMSC. Larger chunks mean fewer transactions, longer waits for an opt-out.
     */
    private int chunkSize = 100;
    /** Chunks submitted at once by this node (each holds one database connection while its first parts are in flight). */
    private int submitters = 4;
    /** How long a claimed row belongs to this node before another node (or a restart) may take it over. */
    private Duration lease = Duration.ofMinutes(2);
    /** Submission attempts before a message fails for good (transient SMSC errors, lost binds). */
    private int maxAttempts = 8;
    /** First retry delay; doubles per attempt up to {@code maxBackoff}. */
    private Duration initialBackoff = Duration.ofSeconds(2);
    /** Longest retry delay. */
    private Duration maxBackoff = Duration.ofMinutes(5);

    public boolean isDispatch() { return dispatch; }
    public void setDispatch(boolean dispatch) { this.dispatch = dispatch; }
    public String getNodeId() { return nodeId; }
    public void setNodeId(String nodeId) { this.nodeId = nodeId; }
    public Duration getPollInterval() { return pollInterval; }
    public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
    public int getChunkSize() { return chunkSize; }
    public void setChunkSize(int chunkSize) { this.chunkSize = chunkSize; }
    public int getSubmitters() { return submitters; }
    public void setSubmitters(int submitters) { this.submitters = submitters; }
    public Duration getLease() { return lease; }
    public void setLease(Duration lease) { this.lease = lease; }
    public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
    public Duration getInitialBackoff() { return initialBackoff; }
    public void setInitialBackoff(Duration initialBackoff) { this.initialBackoff = initialBackoff; }
    public Duration getMaxBackoff() { return maxBackoff; }
    public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
}
