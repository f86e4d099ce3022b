package io.smsflows.sms.smpp;

/**
 * A part and the bind that sends it.
 *
 * @param index its place in the chunk's list (answers are returned in that order)
 * @param bind  the bind: all parts of one message go on the same one
 */
record BoundPart(int index, int bind, PartSubmission part) {
}
