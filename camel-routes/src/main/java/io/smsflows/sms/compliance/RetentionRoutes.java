package io.smsflows.sms.compliance;

import org.apache.camel.builder.RouteBuilder;

/** {@code sms-retention}: the retention sweep on a scheduler (every node may run it; the updates are idempotent). */
public class RetentionRoutes extends RouteBuilder {

    private final BodyRetention retention;
    private final RetentionProperties config;

    public RetentionRoutes(BodyRetention retention, RetentionProperties config) {
        this.retention = retention;
        this.config = config;
    }

    @Override
    public void configure() {
        long every = config.getSweepInterval().toMillis();
        from("scheduler:sms-retention?delay=" + every + "&initialDelay=" + Math.min(every, 60_000))
                .routeId("sms-retention")
                .process(exchange -> retention.sweep());
    }
}
