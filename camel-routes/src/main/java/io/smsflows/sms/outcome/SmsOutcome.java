package io.smsflows.sms.outcome;

import io.smsflows.sms.outbox.MessageStatus;
import java.time.Instant;

/**
 * The end of a message, to be handed to the process that sent it.
 *
 * @param messageId         our message id
 * @param processInstanceId the process that sent it
 * @param activityId        the sending activity
 * @param messageName       BPMN message to correlate (the delivered or the failed one)
 * @param status            DELIVERED, FAILED or EXPIRED
 * @param errorCode         SMPP command_status (e.g. 0x0000000b), receipt stat:err (UNDELIV:001), or null
 * @param errorText         for operators
 * @param parts             number of parts
 * @param submittedAt       when the SMSC accepted the last part, or null
 * @param doneAt            when the message reached its final state
 * @param carrier           the carrier that took it, or null (refused before routing)
 * @param routeRule         the routing rule that chose the carrier, or null
 */
public record SmsOutcome(String messageId, String processInstanceId, String activityId, String messageName,
                         MessageStatus status, String errorCode, String errorText, int parts, Instant submittedAt,
                         Instant doneAt, String carrier, String routeRule) {

    public boolean delivered() {
        return status == MessageStatus.DELIVERED;
    }
}
