/**
 * SMS codec and segmentation: GSM 03.38 (with national language shift tables) and UCS-2 encoding, concatenation
 * (UDH with 8/16-bit reference, SAR TLVs, message_payload), length preview and inbound decoding.
 *
 * <p>Plain Java on purpose: no Camel, Camunda or Spring imports, so the rules of 3GPP TS 23.038/23.040 and SMPP 3.4
 * can be tested and benchmarked on their own. The pipeline hands the resulting {@link io.smsflows.sms.codec.WirePart}s
 * to camel-smpp byte for byte, so nothing downstream re-encodes or re-splits them.
 */
package io.smsflows.sms.codec;
