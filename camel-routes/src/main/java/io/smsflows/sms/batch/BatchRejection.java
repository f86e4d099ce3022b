package io.smsflows.sms.batch;

/**
 * A row that was refused, and why.
 *
 * @param index  0-based row number in the request (JSON array index, NDJSON/CSV data line)
 * @param to     the number as given (may be what made it invalid)
 * @param reason what is wrong and how to fix it
 */
public record BatchRejection(int index, String to, String reason) {

    /** For readers who may not see numbers: {@code to} masked (the reason never quotes it whole). */
    public BatchRejection masked() {
        return new BatchRejection(index, to == null ? null : io.smsflows.sms.number.PhoneNumbers.mask(to), reason);
    }
}
