package io.smsflows.sms.reply;

/**
 * What a reply "CANCEL" means. US rules (FCC 24-18, CTIA) count CANCEL as an opt-out; elsewhere, in a reminder
 * conversation, customers mean "cancel my appointment".
 */
public enum CancelPolicy {
    /** CANCEL always opts the number out (default for US and CA). */
    OPT_OUT,
    /**
     * CANCEL goes to the open conversation as the CANCEL intent; with no open conversation it opts out (nothing
     * else it could mean). Default elsewhere.
     */
    REPLY_FIRST
}
