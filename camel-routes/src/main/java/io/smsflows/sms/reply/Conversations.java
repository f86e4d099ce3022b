package io.smsflows.sms.reply;

import io.smsflows.sms.consent.ConsentScopes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Open conversations (sms_conversation). Which one a reply belongs to, when a number has several open with the
 * same sender number (two appointments): the most recently registered one. It asked last, so its question is the
 * one on top of the customer's screen. A sender pool (a distinct sender number per open conversation) keeps them
 * apart completely; see docs/replies.md.
 */
public class Conversations {

    private static final String COLUMNS = "id, recipient, our_number, process_instance_id, business_key, message_name, "
            + "locale, sms_message_id, created_at, expires_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Conversations(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Registers a conversation in the caller's transaction (the one that queues the question). */
    public Conversation open(String recipient, String sender, String processInstanceId, String businessKey,
                             String messageName, String locale, String smsMessageId, Duration timeout) {
        return open(recipient, sender, processInstanceId, businessKey, messageName, locale, smsMessageId, timeout, null);
    }

    /**
     * As above, naming the journey that asked (the root process definition's key), whose answer rate
     * {@link io.smsflows.sms.compliance.AnswerRates} watches.
     */
    public Conversation open(String recipient, String sender, String processInstanceId, String businessKey,
                             String messageName, String locale, String smsMessageId, Duration timeout,
                             String journey) {
        String ourNumber = ConsentScopes.senderKey(sender);
        if (ourNumber != null && !ourNumber.chars().allMatch(Character::isDigit)) {
            ourNumber = null; // alphanumeric senders cannot be replied to: the reply comes to one of our numbers
        }
        Instant now = clock.instant();
        Conversation c = new Conversation(UUID.randomUUID().toString(), recipient, ourNumber, processInstanceId,
                businessKey, messageName, locale, smsMessageId, now, now.plus(timeout));
        jdbc.update("insert into sms_conversation (id, recipient, our_number, process_instance_id, business_key, "
                        + "message_name, locale, sms_message_id, status, created_at, expires_at, journey) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)", c.id(), c.recipient(), c.ourNumber(),
                c.processInstanceId(), c.businessKey(), c.messageName(), c.locale(), c.smsMessageId(),
                Timestamp.from(now), Timestamp.from(c.expiresAt()), journey);
        return c;
    }

    /**
     * Whether a question was put to {@code recipient} after {@code after} by another journey (business key) than the
     * conversation {@code answeredId} belongs to; with no such conversation, whether any question was put since.
     */
    public boolean otherJourneyAskedSince(String recipient, Instant after, String answeredId) {
        List<String> keys = jdbc.query("select business_key from sms_conversation where recipient = ? and created_at > ?",
                (rs, i) -> rs.getString(1), recipient, Timestamp.from(after));
        if (keys.isEmpty()) {
            return false;
        }
        if (answeredId == null) {
            return true;
        }
        String journey = jdbc.query("select business_key from sms_conversation where id = ?", (rs, i) -> rs.getString(1),
                answeredId).stream().findFirst().orElse(null);
        return journey == null || keys.stream().anyMatch(k -> !journey.equals(k));
    }

    /** Whether any question to {@code recipient} still waits for its answer, on any of our numbers. */
    public boolean hasOpen(String recipient, Instant at) {
        Integer n = jdbc.queryForObject("select count(*) from sms_conversation where recipient = ? and status = 'OPEN' "
                + "and expires_at > ?", Integer.class, recipient, Timestamp.from(at));
        return n != null && n > 0;
    }

    /** Open, unexpired conversations with {@code recipient} on {@code ourNumber} (E.164 or digits), newest first. */
    public List<Conversation> openFor(String recipient, String ourNumber, Instant at) {
        String key = ConsentScopes.senderKey(ourNumber);
        return jdbc.query("select " + COLUMNS + " from sms_conversation where recipient = ? and status = 'OPEN' "
                        + "and expires_at > ? and (our_number is null or our_number = ?) order by created_at desc, id desc",
                this::map, recipient, Timestamp.from(at), key == null ? "" : key);
    }

    /** Closes a conversation with the reply that answered it; false if it was no longer open. */
    public boolean answered(String id, String inboundId) {
        return jdbc.update("update sms_conversation set status = 'ANSWERED', closed_at = ?, inbound_id = ? "
                + "where id = ? and status = 'OPEN'", Timestamp.from(clock.instant()), inboundId, id) == 1;
    }

    /** Closes a conversation whose process is gone or no longer listens. */
    public void close(String id, String status) {
        jdbc.update("update sms_conversation set status = ?, closed_at = ? where id = ? and status = 'OPEN'",
                status, Timestamp.from(clock.instant()), id);
    }

    /** Closes every open conversation of a number (it opted out: no question to it is pending any more). */
    public int closeAll(String recipient, String status) {
        return jdbc.update("update sms_conversation set status = ?, closed_at = ? where recipient = ? and status = 'OPEN'",
                status, Timestamp.from(clock.instant()), recipient);
    }

    /** Marks expired conversations; returns how many. */
    public int expire() {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.update("update sms_conversation set status = 'EXPIRED', closed_at = ? where status = 'OPEN' "
                + "and expires_at <= ?", now, now);
    }

    private Conversation map(ResultSet rs, int row) throws SQLException {
        return new Conversation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant());
    }
}
