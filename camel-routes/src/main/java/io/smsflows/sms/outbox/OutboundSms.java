package io.smsflows.sms.outbox;

/**
 * A request to send one SMS, as a process (or an API) gives it.
 *
 * @param recipient         phone number, E.164 preferred
 * @param text              message text
 * @param sender            source address (alphanumeric id, short code or number); null: the route's default
 * @param category          transactional or marketing (limits and, later, consent and quiet hours depend on it)
 * @param idempotencyKey    same key = same message: a second enqueue returns the first message instead of sending again
 * @param processInstanceId process to tell the outcome to, or null
 * @param businessKey       for operators and logs
 * @param activityId        BPMN activity that sent it
 * @param deliveredMessage  BPMN message correlated when delivered (default SmsDelivered; "none": no outcome is
 *                          correlated, for messages the model does not wait on)
 * @param failedMessage     BPMN message correlated when failed or expired (default SmsFailed)
 * @param smartReplacement  replace typographic look-alikes by GSM characters (changes the text)
 */
public record OutboundSms(String recipient, String text, String sender, String category, String idempotencyKey,
                          String processInstanceId, String businessKey, String activityId,
                          String deliveredMessage, String failedMessage, boolean smartReplacement) {

    public static final String TRANSACTIONAL = "transactional";
    public static final String MARKETING = "marketing";
    /** Opt-out and re-subscribe confirmations: the one message allowed after an opt-out. */
    public static final String CONSENT = "consent";
    public static final String DEFAULT_DELIVERED_MESSAGE = "SmsDelivered";
    public static final String DEFAULT_FAILED_MESSAGE = "SmsFailed";
    /** Delivered-message name meaning: the process does not wait for this message's outcome. */
    public static final String NO_OUTCOME = "none";

    /** A message not tied to a process. */
    public static OutboundSms standalone(String recipient, String text, String idempotencyKey) {
        return new OutboundSms(recipient, text, null, TRANSACTIONAL, idempotencyKey, null, null, null, null, null, false);
    }
}
