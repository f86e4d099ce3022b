package io.smsflows.sms.receipt;

import java.time.Instant;

/**
 * A delivery receipt as read from a deliver_sm.
 *
 * @param smscMessageId normalised id of the part it is about ("" if the SMSC sent none)
 * @param rawMessageId  the id as the SMSC wrote it
 * @param state         final or intermediate state (UNKNOWN when the SMSC's word is not understood)
 * @param errorCode     err: of the text, or the network_error_code TLV, or null
 * @param submitDate    submit date: of the text (SMSC time, read as UTC), or null
 * @param doneDate      done date: of the text, or null
 * @param sourceAddr    source_addr of the deliver_sm (the handset)
 * @param destAddr      dest_addr of the deliver_sm (our sender)
 * @param rawText       the short_message text, for operators
 */
public record DeliveryReceipt(String smscMessageId, String rawMessageId, ReceiptState state, String errorCode,
                              Instant submitDate, Instant doneDate, String sourceAddr, String destAddr,
                              String rawText) {
}
