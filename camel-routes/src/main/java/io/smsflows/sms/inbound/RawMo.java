package io.smsflows.sms.inbound;

import java.util.Map;

/**
 * A mobile-originated message as the network delivered it (SMPP deliver_sm today, HTTP provider webhooks later).
 *
 * @param from         sender address as received (digits, maybe with '+')
 * @param to           our number or short code it was sent to
 * @param dataCoding   data_coding
 * @param esmClass     esm_class (0x40 = the short message starts with a user data header)
 * @param shortMessage short_message octets (may be empty when the text is in message_payload)
 * @param tlvs         optional parameters by tag, raw value octets (message_payload 0x0424, SAR 0x020C/0x020E/0x020F)
 */
public record RawMo(String from, String to, int dataCoding, int esmClass, byte[] shortMessage, Map<Short, byte[]> tlvs) {

    public RawMo {
        shortMessage = shortMessage == null ? new byte[0] : shortMessage;
        tlvs = tlvs == null ? Map.of() : tlvs;
    }
}
