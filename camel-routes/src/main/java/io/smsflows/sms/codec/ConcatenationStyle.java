package io.smsflows.sms.codec;

/** How the parts of a long message are tied together on the wire; chosen per route (SMSCs differ). */
public enum ConcatenationStyle {
    /** User data header, IEI 0x00, 8-bit reference: 6 octets per part (153 GSM septets / 67 UCS-2 units). */
    UDH_8BIT,
    /** User data header, IEI 0x08, 16-bit reference: 7 octets per part (152 GSM septets / 66 UCS-2 units). */
    UDH_16BIT,
    /** SMPP sar_msg_ref_num / sar_total_segments / sar_segment_seqnum TLVs, no UDH (and never UDHI). */
    SAR,
    /** One submit_sm with the whole text in the message_payload TLV and an empty short_message. */
    MESSAGE_PAYLOAD
}
