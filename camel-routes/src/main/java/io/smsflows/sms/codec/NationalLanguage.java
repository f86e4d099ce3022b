package io.smsflows.sms.codec;

/** National language identifiers of 3GPP TS 23.038 section 6.2.1.2.4 (shift tables), with their IE value. */
public enum NationalLanguage {
    TURKISH(1), SPANISH(2), PORTUGUESE(3);

    private final int identifier;

    NationalLanguage(int identifier) {
        this.identifier = identifier;
    }

    /** Value in the national language single shift (IEI 0x24) / locking shift (IEI 0x25) information element. */
    public int identifier() {
        return identifier;
    }
}
