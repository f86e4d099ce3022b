package io.smsflows.sms.batch;

import org.apache.camel.builder.RouteBuilder;

/** {@code sms-batch-progress}: follows running batches to their end and tells their processes. */
public class BatchRoutes extends RouteBuilder {

    private final BatchTracker tracker;
    private final BatchProperties config;

    public BatchRoutes(BatchTracker tracker, BatchProperties config) {
        this.tracker = tracker;
        this.config = config;
    }

    @Override
    public void configure() {
        long every = config.getProgressInterval().toMillis();
        from("scheduler:sms-batches?delay=" + every + "&initialDelay=" + every).routeId("sms-batch-progress")
                .process(exchange -> tracker.track());
    }
}
