package io.smsflows.sms.crm;

import org.apache.camel.builder.RouteBuilder;

/** The CRM callback route: one HTTP POST per call; the caller (a process job) owns retries. */
public class CrmRoutes extends RouteBuilder {

    private final long timeoutMillis;

    public CrmRoutes(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void configure() {
        from(CrmCallbacks.ROUTE).routeId("sms-crm-callback")
                .errorHandler(noErrorHandler())
                // the URI comes from the CamelHttpUri header; the endpoint only carries the client settings
                .to("http://crm?throwExceptionOnFailure=true&connectTimeout=" + timeoutMillis
                        + "&responseTimeout=" + timeoutMillis + "&soTimeout=" + timeoutMillis);
    }
}
