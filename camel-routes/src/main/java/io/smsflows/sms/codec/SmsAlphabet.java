package io.smsflows.sms.codec;

/** The alphabet a message is sent in; decides data_coding and the per-part capacity. */
public enum SmsAlphabet {
    /** GSM 03.38 default alphabet (optionally with national language shift tables), data_coding 0x00. */
    GSM7((byte) 0x00),
    /** UCS-2 / UTF-16BE, data_coding 0x08. */
    UCS2((byte) 0x08);

    private final byte dataCoding;

    SmsAlphabet(byte dataCoding) {
        this.dataCoding = dataCoding;
    }

    public byte dataCoding() {
        return dataCoding;
    }
}
