package io.smsflows.sms.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Minimal GSM 03.38 / UCS-2 encoder (interim: replaced by the full codec with shift tables and smart replacement).
 * Correct for what it does: extension characters cost two septets and are never split, surrogate pairs are
 * never split, and a text that does not fit the GSM alphabet goes out as UCS-2.
 */
public class StandardSmsEncoder implements SmsEncoder {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";
    private static final byte[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    @Override
    public EncodedSms encode(String text, EncodingOptions options, int reference) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("text is empty");
        }
        List<EncodedSms.ForcingCharacter> forcers = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (septets(cp) == 0) {
                forcers.add(new EncodedSms.ForcingCharacter(i, new String(Character.toChars(cp))));
            }
            i += Character.charCount(cp);
        }
        boolean gsm = forcers.isEmpty();
        SmsAlphabet alphabet = gsm ? SmsAlphabet.GSM7 : SmsAlphabet.UCS2;
        // units per character: septets (GSM) or UTF-16 units (UCS-2); chunks are code points, never split
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            chunks.add(new String(Character.toChars(cp)));
            i += Character.charCount(cp);
        }
        int total = chunks.stream().mapToInt(c -> units(c, gsm)).sum();
        int single = gsm ? 160 : 70;
        boolean sixteen = options.concatenation() == ConcatenationStyle.UDH_16BIT;
        int perPart = gsm ? (sixteen ? 152 : 153) : (sixteen ? 66 : 67);
        if (options.concatenation() == ConcatenationStyle.MESSAGE_PAYLOAD || total <= single) {
            perPart = total <= single ? single : perPart;
        }
        List<List<String>> parts = new ArrayList<>();
        if (total <= single) {
            parts.add(chunks);
        } else {
            List<String> current = new ArrayList<>();
            int used = 0;
            for (String c : chunks) {
                int u = units(c, gsm);
                if (used + u > perPart) {
                    parts.add(current);
                    current = new ArrayList<>();
                    used = 0;
                }
                current.add(c);
                used += u;
            }
            parts.add(current);
        }
        if (parts.size() > options.maxParts()) {
            throw new SmsTooLongException(alphabet, total, parts.size(), options.maxParts() * perPart,
                    options.maxParts());
        }
        int lastUnits = parts.get(parts.size() - 1).stream().mapToInt(c -> units(c, gsm)).sum();
        int capacity = parts.size() == 1 ? single : perPart;
        List<WirePart> wire = new ArrayList<>();
        if (options.concatenation() == ConcatenationStyle.MESSAGE_PAYLOAD && parts.size() > 1) {
            byte[] payload = payload(String.join("", chunks), gsm);
            wire.add(new WirePart(1, 1, alphabet.dataCoding(), (byte) 0, new byte[0],
                    Map.of((short) 0x0424, payload), text));
        } else {
            for (int n = 0; n < parts.size(); n++) {
                String partText = String.join("", parts.get(n));
                byte[] body = payload(partText, gsm);
                int count = parts.size();
                if (count == 1) {
                    wire.add(new WirePart(1, 1, alphabet.dataCoding(), (byte) 0, body, Map.of(), partText));
                } else if (options.concatenation() == ConcatenationStyle.SAR) {
                    wire.add(new WirePart(n + 1, count, alphabet.dataCoding(), (byte) 0, body,
                            Map.of((short) 0x020C, (short) (reference & 0xFFFF), (short) 0x020E, (byte) count,
                                    (short) 0x020F, (byte) (n + 1)), partText));
                } else {
                    byte[] udh = sixteen
                            ? new byte[] {6, 8, 4, (byte) (reference >> 8), (byte) reference, (byte) count, (byte) (n + 1)}
                            : new byte[] {5, 0, 3, (byte) reference, (byte) count, (byte) (n + 1)};
                    byte[] sm = new byte[udh.length + body.length];
                    System.arraycopy(udh, 0, sm, 0, udh.length);
                    System.arraycopy(body, 0, sm, udh.length, body.length);
                    wire.add(new WirePart(n + 1, count, alphabet.dataCoding(), (byte) 0x40, sm, Map.of(), partText));
                }
            }
        }
        return new EncodedSms(text, text, alphabet, null, null, wire, lastUnits, capacity - lastUnits, List.of(),
                forcers);
    }

    private static int units(String chunk, boolean gsm) {
        return gsm ? septets(chunk.codePointAt(0)) : chunk.length();
    }

    /** 1 or 2 septets, 0 if not in the GSM alphabet. */
    private static int septets(int cp) {
        if (cp != 0x1B && cp < 0x10000 && BASIC.indexOf(cp) >= 0) {
            return 1;
        }
        return cp < 0x10000 && EXTENSION_CHARS.indexOf(cp) >= 0 ? 2 : 0;
    }

    private static byte[] payload(String text, boolean gsm) {
        if (!gsm) {
            return text.getBytes(StandardCharsets.UTF_16BE);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = BASIC.indexOf(c);
            if (basic >= 0 && c != 0x1B) {
                out.write(basic);
            } else {
                out.write(0x1B);
                out.write(EXTENSION_CODES[EXTENSION_CHARS.indexOf(c)]);
            }
        }
        return out.toByteArray();
    }
}
