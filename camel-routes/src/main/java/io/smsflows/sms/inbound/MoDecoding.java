package io.smsflows.sms.inbound;

import io.smsflows.sms.codec.SmsDecoder;
import io.smsflows.sms.codec.SmsDecodingException;

/**
 * Turns the octets of an MO into text and concatenation keys with the codec's {@link SmsDecoder}: UDH (8- and
 * 16-bit references, national shift tables) or SAR TLVs, message_payload, and the data codings handsets use
 * (SMPP's own values and the 3GPP TS 23.038 coding groups). Never throws: what cannot be decoded comes back with
 * {@code text == null} and the reason, and is stored as UNDECODABLE.
 */
public class MoDecoding {

    private static final short MESSAGE_PAYLOAD = 0x0424;
    private static final short SAR_REF = 0x020C;
    private static final short SAR_TOTAL = 0x020E;
    private static final short SAR_SEQ = 0x020F;

    /** Decoded text (null if undecodable), concatenation keys (null if a single message), reason if not clean. */
    public record Decoded(String text, Integer concatRef, Integer concatTotal, Integer concatSeq, String reason) {
    }

    public Decoded decode(RawMo mo) {
        byte[] octets = mo.shortMessage();
        if (octets.length == 0 && mo.tlvs().containsKey(MESSAGE_PAYLOAD)) {
            octets = mo.tlvs().get(MESSAGE_PAYLOAD);
        }
        int coding = textCoding(mo.dataCoding() & 0xFF);
        if (coding < 0) {
            return new Decoded(null, null, null, null, "data_coding 0x" + Integer.toHexString(mo.dataCoding())
                    + " is not a text coding (8-bit data, compressed or reserved)");
        }
        SmsDecoder.Decoded d;
        try {
            d = SmsDecoder.decode((byte) coding, octets, (mo.esmClass() & 0x40) != 0);
        } catch (SmsDecodingException e) {
            return new Decoded(null, null, null, null, e.getMessage());
        }
        Integer ref = d.concatReference();
        Integer total = d.concatTotal();
        Integer seq = d.concatSequence();
        if (total == null && mo.tlvs().containsKey(SAR_REF) && mo.tlvs().containsKey(SAR_TOTAL)
                && mo.tlvs().containsKey(SAR_SEQ)) {
            ref = unsigned(mo.tlvs().get(SAR_REF));
            total = unsigned(mo.tlvs().get(SAR_TOTAL));
            seq = unsigned(mo.tlvs().get(SAR_SEQ));
        }
        if (total != null && (total < 1 || seq == null || seq < 1 || seq > total)) {
            return new Decoded(d.text(), null, null, null, "concatenation header with part " + seq + " of " + total
                    + ": treated as a single message");
        }
        return new Decoded(d.text(), ref, total, seq, null);
    }

    /** The SmsDecoder coding (0x00 GSM, 0x01 ASCII, 0x03 Latin-1, 0x08 UCS-2) of a data_coding, or -1. */
    static int textCoding(int coding) {
        return switch (coding) {
            case 0x00, 0x01, 0x03, 0x08 -> coding;
            default -> {
                if ((coding & 0xF0) == 0xF0) {
                    yield (coding & 0x04) == 0 ? 0x00 : -1; // message class group: GSM or 8-bit data
                }
                if ((coding & 0xF0) == 0x10 || (coding & 0xE0) == 0x40) { // 23.038 general groups, uncompressed
                    yield switch (coding & 0x0C) {
                        case 0x00 -> 0x00;
                        case 0x08 -> 0x08;
                        default -> -1;
                    };
                }
                yield -1;
            }
        };
    }

    private static int unsigned(byte[] value) {
        int v = 0;
        for (byte b : value) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }
}
