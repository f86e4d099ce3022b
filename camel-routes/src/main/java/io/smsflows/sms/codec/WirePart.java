package io.smsflows.sms.codec;

import java.util.Map;

/**
 * One submit_sm as it must go on the wire, finished: nothing downstream may re-encode or re-split it.
 *
 * @param number             1-based part number
 * @param total              number of parts of the message
 * @param dataCoding         SMPP data_coding
 * @param esmClass           SMPP esm_class (0x40 = UDHI when {@code shortMessage} starts with a user data header)
 * @param shortMessage       short_message octets: UDH (if any) followed by the payload; GSM text as unpacked septets
 *                           (one septet per octet, as SMPP carries the SMSC default alphabet); empty for
 *                           {@link ConcatenationStyle#MESSAGE_PAYLOAD}
 * @param optionalParameters TLVs by tag (SAR tags as Short/Byte values, message_payload 0x0424 as byte[]); empty if none
 * @param text               the characters this part carries, for logs and previews
 */
public record WirePart(int number, int total, byte dataCoding, byte esmClass, byte[] shortMessage,
                       Map<Short, Object> optionalParameters, String text) {
}
