package io.smsflows.sms.outbox;

import io.smsflows.sms.submit.ChunkSubmitter;
import io.smsflows.sms.submit.ClaimedSms;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The outbox as Camel routes:
 * <ul>
 *   <li>{@code sms-outbox-poll} (scheduler, greedy: again at once while rounds are full) and {@code sms-outbox-wake}
 *       (a commit that queued messages on this node) both run {@code sms-outbox-claim}: one claim round, its chunks
 *       to the submitters;</li>
 *   <li>{@code sms-submit}: {@code smsflows.outbox.submitters} chunks at once through the {@link ChunkSubmitter};</li>
 *   <li>{@code sms-outbox-leases}: takes back messages of nodes whose lease ran out.</li>
 * </ul>
 */
public class OutboxRoutes extends RouteBuilder {

    /** Wake-up of the claim stage: one pending signal is enough. */
    public static final String WAKE = "seda:sms-outbox-wake?size=1&discardWhenFull=true";
    private static final String CLAIM = "direct:sms-outbox-claim";
    private static final String SUBMIT = "seda:sms-submit?size=1000";

    private final OutboxDispatcher dispatcher;
    private final ChunkSubmitter submitter;
    private final OutboxProperties config;

    public OutboxRoutes(OutboxDispatcher dispatcher, ChunkSubmitter submitter, OutboxProperties config) {
        this.dispatcher = dispatcher;
        this.submitter = submitter;
        this.config = config;
    }

    @Override
    public void configure() {
        long poll = config.getPollInterval().toMillis();
        from("scheduler:sms-outbox?delay=" + poll + "&initialDelay=" + poll + "&greedy=true")
                .routeId("sms-outbox-poll")
                .to(CLAIM);
        from(WAKE).routeId("sms-outbox-wake")
                .to(CLAIM);
        from(CLAIM).routeId("sms-outbox-claim")
                .process(exchange -> {
                    OutboxDispatcher.Round round = dispatcher.claim();
                    exchange.getIn().setBody(round.chunks());
                    exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, round.more());
                })
                .split(body())
                    .to(SUBMIT)
                .end();
        from(SUBMIT + "&concurrentConsumers=" + config.getSubmitters()).routeId("sms-submit")
                .process(exchange -> {
                    @SuppressWarnings("unchecked")
                    List<ClaimedSms> chunk = exchange.getIn().getBody(List.class);
                    try {
                        submitter.submit(chunk, dispatcher.nodeId());
                    } finally {
                        dispatcher.done(chunk.size());
                    }
                });
        long leases = Math.max(1000, config.getLease().toMillis() / 4);
        from("scheduler:sms-outbox-leases?delay=" + leases + "&initialDelay=" + leases)
                .routeId("sms-outbox-leases")
                .process(exchange -> dispatcher.recoverLeases());
    }
}
