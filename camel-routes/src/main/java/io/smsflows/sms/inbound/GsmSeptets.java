package io.smsflows.sms.inbound;

/** PLACEHOLDER until the codec branch lands (replaced by the codec's decoder before commit). */
public final class GsmSeptets {
    private GsmSeptets() {
    }

    public static String decode(byte[] udh, byte[] septets) {
        StringBuilder b = new StringBuilder();
        for (byte s : septets) {
            if ((s & 0x80) != 0) {
                return null;
            }
            b.append(s == 0 ? '@' : (char) s);
        }
        return b.toString();
    }
}
