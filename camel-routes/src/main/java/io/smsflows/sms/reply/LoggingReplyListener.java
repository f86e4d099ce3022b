package io.smsflows.sms.reply;

import io.smsflows.sms.consent.Suppression;
import io.smsflows.sms.number.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Used when no process engine is present (the pipeline alone): opt-outs and re-subscriptions are still recorded
 * by the pipeline; replies cannot go anywhere and are logged; conversations are treated as gone.
 */
public class LoggingReplyListener implements ReplyListener {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingReplyListener.class);

    @Override
    public ReplyIntent classify(String normalisedText, String locale) {
        return ReplyIntent.of(ReplyIntent.UNKNOWN);
    }

    @Override
    public Delivery reply(Conversation conversation, InboundReply reply) {
        return Delivery.GONE;
    }

    @Override
    public void optedOut(InboundReply reply, Suppression suppression) {
        LOG.info("{} opted out (no process engine: no confirmation sent)", PhoneNumbers.mask(reply.from()));
    }

    @Override
    public void resubscribeRequested(InboundReply reply, String scope) {
        LOG.info("{} asked to re-subscribe (no process engine: nothing done)", PhoneNumbers.mask(reply.from()));
    }

    @Override
    public void optInRequested(InboundReply reply, String scope) {
        LOG.info("{} asked to join (no process engine: nothing done)", PhoneNumbers.mask(reply.from()));
    }

    @Override
    public void unsolicited(InboundReply reply, boolean autoReply) {
        LOG.info("Unsolicited message {} from {} stored", reply.id(), PhoneNumbers.mask(reply.from()));
    }
}
