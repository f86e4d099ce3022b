package io.smsflows.sms.reply;

import java.time.Instant;

/**
 * A process waiting for a reply from {@code recipient}, registered when it sent the message that asks for one.
 *
 * @param ourNumber   sender key the question went out from (replies come back to it); null for alphanumeric senders,
 *                    which cannot receive replies: then any of our numbers matches
 * @param messageName BPMN message the reply is correlated as
 * @param locale      language of the conversation, for the reply-intent decision (null: derived from the number)
 */
public record Conversation(String id, String recipient, String ourNumber, String processInstanceId,
                           String businessKey, String messageName, String locale, String smsMessageId,
                           Instant createdAt, Instant expiresAt) {
}
