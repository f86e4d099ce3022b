package io.smsflows.sms.smpp;

import org.apache.camel.component.smpp.SmppSplitter;

/**
 * Given to camel-smpp in the CamelSmppSplitter header so that it sends our finished part as one PDU. Our codec
 * has already encoded and split the text (camel-smpp's splitting miscounts GSM extension characters, cuts
 * surrogate pairs and shares one reference counter across the JVM; see docs/architecture.md).
 */
final class PassThroughSplitter extends SmppSplitter {

    PassThroughSplitter(int length) {
        super(length, length, length);
    }

    @Override
    public byte[][] split(byte[] message) {
        return new byte[][] {message};
    }
}
