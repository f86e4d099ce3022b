package io.smsflows.sms.reply;

import io.smsflows.sms.consent.Suppression;

/**
 * What the process engine does with inbound messages; implemented by the Camunda integration. Called by
 * {@link ReplyProcessor} inside a transaction on the application's DataSource, which an engine on the same
 * DataSource joins: the correlation, the conversation's closing and the inbound row's status commit together.
 */
public interface ReplyListener {

    /** Outcome of handing a reply to a conversation's process. */
    enum Delivery {
        /** Correlated. */
        DONE,
        /** The process exists but does not wait for the message yet: try again shortly. */
        RETRY,
        /** The process is gone: close the conversation, try the next one. */
        GONE
    }

    /** The reply-intent decision for a normalised text in a language (en, fr, de, es...). */
    ReplyIntent classify(String normalisedText, String locale);

    /** Correlates a reply into the conversation's process. */
    Delivery reply(Conversation conversation, InboundReply reply);

    /** The number opted out by keyword (already on the suppression list): start the unsubscribe journey. */
    void optedOut(InboundReply reply, Suppression suppression);

    /** The number asked to re-subscribe (START or a code word): start the re-subscribe journey. */
    void resubscribeRequested(InboundReply reply, String scope);

    /**
     * The number asked to join marketing messages by keyword (JOIN, or a code word's join word): start the double
     * opt-in journey, which asks for a YES before any consent is recorded.
     */
    void optInRequested(InboundReply reply, String scope);

    /** A message no conversation waits for. {@code autoReply}: this number may get the help text (once a day). */
    void unsolicited(InboundReply reply, boolean autoReply);
}
