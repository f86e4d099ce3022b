package io.smsflows.sms.codec;

/** Encodes and segments outbound text. Implementations are thread-safe and keep no per-message state. */
public interface SmsEncoder {

    /**
     * @param text      text to send (not null, not empty)
     * @param options   what the route allows
     * @param reference concatenation reference for this message (8-bit styles use the low 8 bits); unique per
     *                  destination among messages in flight, see {@link ConcatReferences}
     * @throws SmsTooLongException if the text needs more than {@code options.maxParts()} parts
     */
    EncodedSms encode(String text, EncodingOptions options, int reference);
}
