package io.smsflows.sms.http;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The signed webhooks already processed (sms_webhook_event), so that a replayed request stores nothing. */
public class WebhookEvents {

    private final JdbcTemplate jdbc;
    private final java.util.concurrent.atomic.AtomicLong remembered = new java.util.concurrent.atomic.AtomicLong();

    public WebhookEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Forgets requests older than a day: a replay that old is refused as stale by its signature's timestamp anyway
     * (the tolerance is minutes), so the table stays small. Done every 1,000 requests.
     */
    private void purge(Instant now) {
        jdbc.update("delete from sms_webhook_event where received_at < ?", Timestamp.from(now.minusSeconds(86_400)));
    }

    public boolean seen(String carrier, String signature) {
        Integer n = jdbc.queryForObject("select count(*) from sms_webhook_event where carrier = ? and signature = ?",
                Integer.class, carrier, signature);
        return n != null && n > 0;
    }

    /** Remembers a processed request; one processed meanwhile by another thread or node is fine. */
    public void remember(String carrier, String signature, String kind, Instant at) {
        try {
            jdbc.update("insert into sms_webhook_event (carrier, signature, kind, received_at) values (?, ?, ?, ?)",
                    carrier, signature, kind, Timestamp.from(at));
        } catch (DuplicateKeyException e) {
            // processed twice at the same moment: both stores are idempotent (receipts, inbound fingerprints)
        }
        if (remembered.incrementAndGet() % 1000 == 0) {
            purge(at);
        }
    }
}
