package io.smsflows.sms.inbound;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the octets of an MO into text and concatenation keys: UDH (8- and 16-bit references) or SAR TLVs,
 * message_payload, and the data codings handsets use. Never throws: what cannot be decoded comes back with
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

    private final GsmTextDecoder gsm;

    public MoDecoding(GsmTextDecoder gsm) {
        this.gsm = gsm;
    }

    public Decoded decode(RawMo mo) {
        byte[] octets = mo.shortMessage();
        if (octets.length == 0 && mo.tlvs().containsKey(MESSAGE_PAYLOAD)) {
            octets = mo.tlvs().get(MESSAGE_PAYLOAD);
        }
        Integer ref = null;
        Integer total = null;
        Integer seq = null;
        byte[] udh = new byte[0];
        int start = 0;
        if ((mo.esmClass() & 0x40) != 0) {
            if (octets.length == 0 || (octets[0] & 0xFF) + 1 > octets.length) {
                return new Decoded(null, null, null, null, "esm_class says UDH but the header length "
                        + (octets.length == 0 ? "is missing" : (octets[0] & 0xFF) + " exceeds the " + octets.length + " octets"));
            }
            int udhl = octets[0] & 0xFF;
            udh = Arrays.copyOfRange(octets, 1, 1 + udhl);
            start = 1 + udhl;
            for (int i = 0; i + 1 < udh.length; ) {
                int iei = udh[i] & 0xFF;
                int len = udh[i + 1] & 0xFF;
                if (i + 2 + len > udh.length) {
                    return new Decoded(null, null, null, null, "information element 0x" + Integer.toHexString(iei)
                            + " runs past the end of the UDH");
                }
                if (iei == 0x00 && len == 3) {
                    ref = udh[i + 2] & 0xFF;
                    total = udh[i + 3] & 0xFF;
                    seq = udh[i + 4] & 0xFF;
                } else if (iei == 0x08 && len == 4) {
                    ref = ((udh[i + 2] & 0xFF) << 8) | (udh[i + 3] & 0xFF);
                    total = udh[i + 4] & 0xFF;
                    seq = udh[i + 5] & 0xFF;
                }
                i += 2 + len;
            }
        } else if (mo.tlvs().containsKey(SAR_REF) && mo.tlvs().containsKey(SAR_TOTAL) && mo.tlvs().containsKey(SAR_SEQ)) {
            ref = unsigned(mo.tlvs().get(SAR_REF));
            total = unsigned(mo.tlvs().get(SAR_TOTAL));
            seq = unsigned(mo.tlvs().get(SAR_SEQ));
        }
        byte[] body = Arrays.copyOfRange(octets, start, octets.length);
        String text;
        String reason = null;
        int coding = mo.dataCoding() & 0xFF;
        switch (alphabet(coding)) {
            case GSM -> {
                text = gsm.decode(udh, body);
                if (text == null) {
                    return new Decoded(null, ref, total, seq, "octets above 0x7F in GSM 7-bit (unpacked) text");
                }
            }
            case UCS2 -> {
                try {
                    text = StandardCharsets.UTF_16BE.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
                } catch (CharacterCodingException e) {
                    return new Decoded(null, ref, total, seq, "invalid UCS-2/UTF-16 octets (odd length or lone surrogate)");
                }
            }
            case ASCII -> text = new String(body, StandardCharsets.US_ASCII);
            case LATIN1 -> text = new String(body, StandardCharsets.ISO_8859_1);
            default -> {
                return new Decoded(null, ref, total, seq, "data_coding 0x" + Integer.toHexString(coding)
                        + " is not a text coding (8-bit data, compressed or reserved)");
            }
        }
        if (total != null && (total < 1 || seq == null || seq < 1 || seq > total)) {
            reason = "concatenation header with part " + seq + " of " + total + ": treated as a single message";
            ref = null;
            total = null;
            seq = null;
        }
        return new Decoded(text, ref, total, seq, reason);
    }

    private enum Alphabet { GSM, ASCII, LATIN1, UCS2, NONE }

    /** SMPP 3.4 data_coding values, and the 3GPP TS 23.038 coding groups handsets also send. */
    private static Alphabet alphabet(int coding) {
        return switch (coding) {
            case 0x00 -> Alphabet.GSM;
            case 0x01 -> Alphabet.ASCII;
            case 0x03 -> Alphabet.LATIN1;
            case 0x08 -> Alphabet.UCS2;
            default -> {
                if ((coding & 0xF0) == 0xF0) {
                    yield (coding & 0x04) == 0 ? Alphabet.GSM : Alphabet.NONE; // message class group
                }
                if ((coding & 0xF0) == 0x10 || (coding & 0xE0) == 0x40) { // 23.038 general groups, uncompressed
                    yield switch (coding & 0x0C) {
                        case 0x00 -> Alphabet.GSM;
                        case 0x08 -> Alphabet.UCS2;
                        default -> Alphabet.NONE;
                    };
                }
                yield Alphabet.NONE;
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

    /** GSM 03.38 septets (one per octet) to text, applying national shift tables named in the UDH. */
    @FunctionalInterface
    public interface GsmTextDecoder {
        /** @return the text, or null if an octet is not a septet */
        String decode(byte[] udh, byte[] septets);
    }
}
