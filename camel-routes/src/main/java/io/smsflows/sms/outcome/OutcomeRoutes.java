package io.smsflows.sms.outcome;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Outcomes as Camel routes: {@code sms-outcomes} hands over what the receipt stage just finished (one engine
 * transaction per batch, {@code threads} batches at once), {@code sms-outcomes-poll} what is due in the database
 * (retries of processes not waiting yet, other nodes' receipts, restarts).
 */
public class OutcomeRoutes extends RouteBuilder {

    /** Full: the outcomes wait in the database (PENDING) for the poll. */
    public static final String HAND_OVER = "seda:sms-outcomes?size=1000&discardWhenFull=true";

    private final OutcomeDispatcher dispatcher;
    private final OutcomeProperties config;

    public OutcomeRoutes(OutcomeDispatcher dispatcher, OutcomeProperties config) {
        this.dispatcher = dispatcher;
        this.config = config;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure() {
        from(HAND_OVER + "&concurrentConsumers=" + config.getThreads()).routeId("sms-outcomes")
                .process(exchange -> dispatcher.handOver(exchange.getIn().getBody(List.class)));
        long poll = config.getPollInterval().toMillis();
        from("scheduler:sms-outcomes?delay=" + poll + "&initialDelay=" + poll + "&greedy=true")
                .routeId("sms-outcomes-poll")
                .process(exchange -> exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES,
                        dispatcher.handOverDue()));
    }
}
