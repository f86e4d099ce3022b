package io.smsflows.sms.receipt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a receipt from a deliver_sm: the receipted_message_id (0x001E) and message_state (0x0427) TLVs first, then
 * the text of SMPP 3.4 Appendix B ({@code id:... sub:... dlvrd:... submit date:... done date:... stat:... err:...}).
 * Never throws: what cannot be read stays null (state UNKNOWN), so every receipt can be stored.
 */
public final class DeliveryReceiptParser {

    public static final short TAG_RECEIPTED_MESSAGE_ID = 0x001E;
    public static final short TAG_MESSAGE_STATE = 0x0427;
    public static final short TAG_NETWORK_ERROR_CODE = 0x0423;

    private static final Pattern ID = Pattern.compile("(?i)\\bid:\\s*([^\\s]+)");
    private static final Pattern STAT = Pattern.compile("(?i)\\bstat:\\s*([A-Za-z_]+)");
    private static final Pattern ERR = Pattern.compile("(?i)\\berr:\\s*([0-9A-Za-z]+)");
    private static final Pattern SUBMIT_DATE = Pattern.compile("(?i)\\bsubmit[ _]date:\\s*([0-9]{10,12})");
    private static final Pattern DONE_DATE = Pattern.compile("(?i)\\bdone[ _]date:\\s*([0-9]{10,12})");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyMMddHHmm", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyMMddHHmmss", Locale.ROOT);

    private DeliveryReceiptParser() {
    }

    /**
     * @param text       short_message decoded as ASCII/Latin-1 (receipt texts are plain ASCII), may be null
     * @param tlvs       optional parameters by tag, values as their raw octets
     * @param sourceAddr source_addr
     * @param destAddr   dest_addr
     */
    public static DeliveryReceipt parse(String text, Map<Short, byte[]> tlvs, String sourceAddr, String destAddr) {
        String body = text == null ? "" : text;
        String rawId = null;
        byte[] receipted = tlvs.get(TAG_RECEIPTED_MESSAGE_ID);
        if (receipted != null) {
            rawId = cString(receipted);
        }
        if (rawId == null || rawId.isBlank()) {
            rawId = group(ID, body);
        }
        ReceiptState state = null;
        byte[] messageState = tlvs.get(TAG_MESSAGE_STATE);
        if (messageState != null && messageState.length >= 1) {
            state = ReceiptState.fromCode(messageState[0] & 0xFF);
        }
        if (state == null) {
            state = ReceiptState.fromStat(group(STAT, body));
        }
        String error = group(ERR, body);
        byte[] networkError = tlvs.get(TAG_NETWORK_ERROR_CODE);
        if ((error == null || isZero(error)) && networkError != null && networkError.length == 3) {
            int code = ByteBuffer.wrap(networkError, 1, 2).getShort() & 0xFFFF;
            if (code != 0) {
                error = "net" + (networkError[0] & 0xFF) + ":" + code;
            }
        }
        return new DeliveryReceipt(SmscMessageIds.normalise(rawId), rawId,
                state == null ? ReceiptState.UNKNOWN : state, error, date(group(SUBMIT_DATE, body)),
                date(group(DONE_DATE, body)), sourceAddr, destAddr, text);
    }

    private static boolean isZero(String s) {
        return s.chars().allMatch(c -> c == '0');
    }

    private static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    private static String cString(byte[] value) {
        int end = 0;
        while (end < value.length && value[end] != 0) {
            end++;
        }
        return new String(value, 0, end, StandardCharsets.ISO_8859_1).trim();
    }

    /** YYMMDDhhmm[ss]; SMSCs write local time without a zone: read as UTC. */
    static Instant date(String s) {
        if (s == null) {
            return null;
        }
        try {
            LocalDateTime t = LocalDateTime.parse(s, s.length() == 12 ? SECONDS : MINUTES);
            return t.toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** For operators: raw octets as hex. */
    public static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }
}
