package io.smsflows.sms.compliance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long texts are kept, {@code smsflows.retention.*} (docs/compliance.md). Metadata (time, parts, status, cost,
 * carrier, consent) stays; only what the customer wrote or was sent is erased.
 */
@ConfigurationProperties(prefix = "smsflows.retention")
public class RetentionProperties {

    /** false: texts are kept forever (not recommended under GDPR). */
    private boolean enabled = true;
    /** How long the text of a message is kept after it reached its final status, and of a reply after it came. */
    private Duration bodies = Duration.ofDays(30);
    /** false ("no-store"): texts are erased as soon as the message is final (at the next sweep). */
    private boolean storeBodies = true;
    /** How often the sweep runs. */
    private Duration sweepInterval = Duration.ofHours(1);
    /** Rows erased per statement (the sweep repeats until none is left). */
    private int batchSize = 1000;

    /** How long texts are kept: zero without store-bodies. */
    public Duration keep() {
        return storeBodies ? bodies : Duration.ZERO;
    }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Duration getBodies() { return bodies; }
    public void setBodies(Duration bodies) { this.bodies = bodies; }
    public boolean isStoreBodies() { return storeBodies; }
    public void setStoreBodies(boolean storeBodies) { this.storeBodies = storeBodies; }
    public Duration getSweepInterval() { return sweepInterval; }
    public void setSweepInterval(Duration sweepInterval) { this.sweepInterval = sweepInterval; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
}
