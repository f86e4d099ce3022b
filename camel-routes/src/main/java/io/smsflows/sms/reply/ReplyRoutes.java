package io.smsflows.sms.reply;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Replies as Camel routes: {@code sms-replies-poll} (scheduler, greedy) and {@code sms-replies-wake} (an inbound
 * message was just stored on this node) process the stored inbound messages that are due.
 */
public class ReplyRoutes extends RouteBuilder {

    public static final String WAKE = "seda:sms-replies-wake?size=1&discardWhenFull=true";

    private final ReplyProcessor replies;
    private final ReplyProperties config;

    public ReplyRoutes(ReplyProcessor replies, ReplyProperties config) {
        this.replies = replies;
        this.config = config;
    }

    @Override
    public void configure() {
        long poll = config.getPollInterval().toMillis();
        from("scheduler:sms-replies?delay=" + poll + "&initialDelay=" + poll + "&greedy=true")
                .routeId("sms-replies-poll")
                .to("direct:sms-replies");
        from(WAKE).routeId("sms-replies-wake")
                .to("direct:sms-replies");
        from("direct:sms-replies").routeId("sms-replies")
                .process(exchange -> exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, replies.processDue()));
    }
}
