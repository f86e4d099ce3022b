package io.smsflows.sms.consent;

import io.smsflows.sms.codec.ConcatReferences;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Concatenation references counted per destination in the database (sms_recipient_lock.next_concat_ref), under the
 * destination's lock: unique per destination across all nodes of a cluster, until 65,536 (16-bit) or 256 (8-bit)
 * messages to one number are in flight at once. The process-wide 1..255 counter of camel-smpp collides as soon
 * as two nodes, or 256 messages to anyone, are in flight.
 */
public class RecipientConcatReferences implements ConcatReferences {

    private final JdbcTemplate jdbc;
    private final RecipientGate gate;

    public RecipientConcatReferences(JdbcTemplate jdbc, RecipientGate gate) {
        this.jdbc = jdbc;
        this.gate = gate;
    }

    @Override
    public int next(String destination) {
        return gate.locked(destination, () -> {
            Integer current = jdbc.queryForObject("select next_concat_ref from sms_recipient_lock where recipient = ?",
                    Integer.class, destination);
            int ref = current == null ? 0 : current;
            jdbc.update("update sms_recipient_lock set next_concat_ref = ? where recipient = ?", (ref + 1) % 65536,
                    destination);
            return ref;
        });
    }
}
