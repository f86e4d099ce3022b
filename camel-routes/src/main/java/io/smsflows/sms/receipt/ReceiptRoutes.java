package io.smsflows.sms.receipt;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;

/**
 * Receipts as Camel routes:
 * <ul>
 *   <li>{@code sms-receipt-store}: receipts from the bind's threads aggregated into one transaction (up to
 *       {@code batchSize}, or what came within {@code store-wait}) that stores them already matched and applies
 *       them to their parts and messages, {@code store-threads} batches at once; the threads answer the SMSC
 *       after the commit;</li>
 *   <li>{@code sms-receipt-early}: receipts that came before their part's id, matched when the id is recorded;</li>
 *   <li>{@code sms-receipt-sweep}: what is left in the database (restarts, a full queue, early receipts), and
 *       expiry of messages whose receipts never came.</li>
 * </ul>
 */
public class ReceiptRoutes extends RouteBuilder {

    public static final String STORE = "direct:sms-receipt-store";
    public static final String EARLY = "seda:sms-receipt-early?size=1000&discardWhenFull=true";

    private final ReceiptStore store;
    private final ReceiptMatcher matcher;
    private final ReceiptProperties config;
    private final int storeBatch;

    /**
     * @param storeBatch receipts per commit at most: no more than the bind's threads can bring at once
     */
    public ReceiptRoutes(ReceiptStore store, ReceiptMatcher matcher, ReceiptProperties config, int storeBatch) {
        this.store = store;
        this.matcher = matcher;
        this.config = config;
        this.storeBatch = storeBatch;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure() {
        long wait = Math.max(1, config.getStoreWait().toMillis());
        from(STORE).routeId("sms-receipt-store")
                .aggregate(constant(true), AggregationStrategies.groupedBody())
                    .completionSize(storeBatch)
                    .completionTimeout(wait)
                    .completionTimeoutCheckerInterval(wait)
                    .parallelProcessing()
                    .executorService(getCamelContext().getExecutorServiceManager()
                            .newFixedThreadPool(this, "sms-receipt-store", Math.max(1, config.getStoreThreads())))
                    .process(exchange -> store.insert(exchange.getIn().getBody(List.class)))
                .end();
        from(EARLY).routeId("sms-receipt-early")
                .process(exchange -> matcher.partsSubmitted(exchange.getIn().getBody(List.class)));
        long sweep = config.getRetryInterval().toMillis();
        from("scheduler:sms-receipts?delay=" + sweep + "&initialDelay=" + sweep + "&greedy=true")
                .routeId("sms-receipt-sweep")
                .process(exchange -> exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, matcher.sweep()));
    }
}
