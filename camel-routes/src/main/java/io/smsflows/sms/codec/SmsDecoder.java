package io.smsflows.sms.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Decodes one short message (or one part): the user data header (concatenation with 8- or 16-bit reference,
 * national language shift tables) and the text in GSM 7-bit (unpacked septets, as SMPP carries the default
 * alphabet), UCS-2/UTF-16, ASCII or Latin-1. Invalid input raises {@link SmsDecodingException}, never garbage.
 */
public final class SmsDecoder {

    /**
     * A decoded message or part.
     *
     * @param concatReference concatenation reference from the UDH, or null
     * @param concatTotal     number of parts from the UDH, or null
     * @param concatSequence  this part's number from the UDH, or null
     */
    public record Decoded(String text, Integer concatReference, Integer concatTotal, Integer concatSequence,
                          NationalLanguage lockingShift, NationalLanguage singleShift) {
    }

    private SmsDecoder() {
    }

    /**
     * @param dataCoding   SMPP data_coding: 0x00 GSM (SMSC default alphabet), 0x01 ASCII, 0x03 Latin-1, 0x08 UCS-2
     * @param shortMessage the octets, starting with the UDH when {@code udhi}
     * @param udhi         esm_class bit 0x40: the octets start with a user data header
     */
    public static Decoded decode(byte dataCoding, byte[] shortMessage, boolean udhi) {
        byte[] octets = shortMessage == null ? new byte[0] : shortMessage;
        byte[] udh = new byte[0];
        int start = 0;
        if (udhi) {
            if (octets.length == 0 || (octets[0] & 0xFF) + 1 > octets.length) {
                throw new SmsDecodingException("the user data header length "
                        + (octets.length == 0 ? "is missing" : (octets[0] & 0xFF) + " exceeds the " + octets.length + " octets"));
            }
            udh = Arrays.copyOfRange(octets, 1, 1 + (octets[0] & 0xFF));
            start = udh.length + 1;
        }
        Integer ref = null;
        Integer total = null;
        Integer seq = null;
        NationalLanguage locking = null;
        NationalLanguage single = null;
        for (int i = 0; i < udh.length; ) {
            if (i + 1 >= udh.length) {
                throw new SmsDecodingException("truncated information element at octet " + i + " of the UDH");
            }
            int iei = udh[i] & 0xFF;
            int len = udh[i + 1] & 0xFF;
            if (i + 2 + len > udh.length) {
                throw new SmsDecodingException("information element 0x" + Integer.toHexString(iei)
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
            } else if (iei == 0x25 && len == 1) {
                locking = language(udh[i + 2]);
            } else if (iei == 0x24 && len == 1) {
                single = language(udh[i + 2]);
            }
            i += 2 + len;
        }
        byte[] body = Arrays.copyOfRange(octets, start, octets.length);
        String text = switch (dataCoding & 0xFF) {
            case 0x00 -> gsm(body, locking, single);
            case 0x01 -> ascii(body);
            case 0x03 -> new String(body, StandardCharsets.ISO_8859_1);
            case 0x08 -> ucs2(body);
            default -> throw new SmsDecodingException("data_coding 0x" + Integer.toHexString(dataCoding & 0xFF)
                    + " is not a text coding this decoder reads (0x00, 0x01, 0x03, 0x08)");
        };
        return new Decoded(text, ref, total, seq, locking, single);
    }

    /**
     * Unpacked GSM septets to text. An escape followed by a code the extension table lacks shows the basic
     * character of that code (23.038 §6.2.1.1: the receiver displays the default-table character).
     */
    public static String gsm(byte[] septets, NationalLanguage locking, NationalLanguage single) {
        String basic = GsmTables.basic(locking);
        Map<Integer, Character> extension = GsmTables.extension(single);
        StringBuilder out = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int s = septets[i] & 0xFF;
            if (s > 0x7F) {
                throw new SmsDecodingException("octet 0x" + Integer.toHexString(s) + " at " + i
                        + " is not a GSM septet (unpacked GSM text uses 0x00-0x7F)");
            }
            if (s == GsmTables.ESCAPE) {
                if (i + 1 == septets.length) {
                    break; // a dangling escape at the end carries no character
                }
                int next = septets[++i] & 0x7F;
                Character c = extension.get(next);
                out.append(c != null ? c : basicChar(basic, next));
            } else {
                out.append(basicChar(basic, s));
            }
        }
        return out.toString();
    }

    private static char basicChar(String basic, int septet) {
        char c = basic.charAt(septet);
        return c == GsmTables.NONE ? ' ' : c;
    }

    private static String ascii(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if ((body[i] & 0x80) != 0) {
                throw new SmsDecodingException("octet 0x" + Integer.toHexString(body[i] & 0xFF) + " at " + i
                        + " is not ASCII (data_coding 0x01)");
            }
        }
        return new String(body, StandardCharsets.US_ASCII);
    }

    private static String ucs2(byte[] body) {
        try {
            return StandardCharsets.UTF_16BE.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new SmsDecodingException("invalid UCS-2/UTF-16 octets (odd length or a lone surrogate)");
        }
    }

    private static NationalLanguage language(byte id) {
        for (NationalLanguage l : NationalLanguage.values()) {
            if (l.identifier() == (id & 0xFF)) {
                return l;
            }
        }
        throw new SmsDecodingException("national language " + (id & 0xFF) + " is not supported (Turkish 1, "
                + "Spanish 2, Portuguese 3)");
    }
}
