package io.smsflows.camunda.reply;

import io.smsflows.sms.consent.Suppression;
import io.smsflows.sms.reply.Conversation;
import io.smsflows.sms.reply.InboundReply;
import io.smsflows.sms.reply.ReplyIntent;
import io.smsflows.sms.reply.ReplyListener;
import java.util.function.Supplier;

/** Creates the real listener on first use: the process engine is built after the SMS pipeline's beans. */
public class LazyReplyListener implements ReplyListener {

    private final Supplier<ReplyListener> factory;
    private volatile ReplyListener delegate;

    public LazyReplyListener(Supplier<ReplyListener> factory) {
        this.factory = factory;
    }

    private ReplyListener delegate() {
        ReplyListener d = delegate;
        if (d == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = factory.get();
                }
                d = delegate;
            }
        }
        return d;
    }

    @Override
    public ReplyIntent classify(String normalisedText, String locale) {
        return delegate().classify(normalisedText, locale);
    }

    @Override
    public Delivery reply(Conversation conversation, InboundReply reply) {
        return delegate().reply(conversation, reply);
    }

    @Override
    public void optedOut(InboundReply reply, Suppression suppression) {
        delegate().optedOut(reply, suppression);
    }

    @Override
    public void resubscribeRequested(InboundReply reply, String scope) {
        delegate().resubscribeRequested(reply, scope);
    }

    @Override
    public void optInRequested(InboundReply reply, String scope) {
        delegate().optInRequested(reply, scope);
    }

    @Override
    public void unsolicited(InboundReply reply, boolean autoReply) {
        delegate().unsolicited(reply, autoReply);
    }
}
