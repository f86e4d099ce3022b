package io.smsflows.sms.batch;

/**
 * What a batch sends, the same for every recipient unless the recipient says otherwise.
 *
 * @param category          transactional, marketing... (limits and rules of the category apply)
 * @param sender            source address; null: the route's default
 * @param text              text with {@code {{name}}} placeholders filled from each recipient's variables
 * @param template          instead of text: a key of the sms-templates decision ({@code {name}} placeholders)
 * @param locale            language of the template when the recipient gives none (default en)
 * @param smartReplacement  replace typographic look-alikes by GSM characters
 * @param idempotencyKey    the same key returns the same batch instead of sending again; null: none
 * @param processInstanceId process told when the batch ends (BPMN message {@code completedMessage}), or null
 * @param businessKey       for operators and reports
 * @param activityId        BPMN activity that started it
 * @param completedMessage  BPMN message name; null: smsflows.batches.completed-message
 * @param createdBy         user or client that asked
 */
public record BatchRequest(String category, String sender, String text, String template, String locale,
                           boolean smartReplacement, String idempotencyKey, String processInstanceId,
                           String businessKey, String activityId, String completedMessage, String createdBy) {

    /** A request with only the header fields an API client gives. */
    public static BatchRequest of(String category, String sender, String text, String template, String locale,
                                  boolean smartReplacement, String idempotencyKey, String createdBy) {
        return new BatchRequest(category, sender, text, template, locale, smartReplacement, idempotencyKey, null, null,
                null, null, createdBy);
    }

    public BatchRequest forProcess(String processInstanceId, String businessKey, String activityId,
                                   String completedMessage) {
        return new BatchRequest(category, sender, text, template, locale, smartReplacement, idempotencyKey,
                processInstanceId, businessKey, activityId, completedMessage, createdBy);
    }
}
