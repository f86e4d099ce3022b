package io.smsflows.sms.codec;

/** Hands out concatenation references so that two messages in flight to one destination never share one. */
public interface ConcatReferences {

    /** Next reference for {@code destination}, in 0..65535 (8-bit styles use the low 8 bits). */
    int next(String destination);
}
