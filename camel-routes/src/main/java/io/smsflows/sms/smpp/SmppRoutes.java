package io.smsflows.sms.smpp;

import io.smsflows.sms.config.SmsFlowsProperties;
import io.smsflows.sms.outbox.OutboxDispatcher;
import io.smsflows.sms.receipt.ReceiptProcessor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.smpp.SmppEndpoint;

/**
 * The SMS pipeline as Camel routes:
 * <ul>
 *   <li>{@code sms-submit}: claimed outbox rows, {@code window} in parallel, through {@link SmsSubmitter};</li>
 *   <li>{@code sms-smpp-out}: one finished part to the camel-smpp producer;</li>
 *   <li>{@code sms-smpp-in}: every deliver_sm (receipts and replies) stored before it is acknowledged;</li>
 *   <li>{@code sms-receipts}: stored receipts matched and applied, off the SMPP thread.</li>
 * </ul>
 */
public class SmppRoutes extends RouteBuilder {

    public static final String SUBMIT_QUEUE = "seda:sms-submit";
    public static final String RECEIPT_QUEUE = "seda:sms-receipts";
    private static final String INBOUND_ROUTE = "sms-smpp-in";

    private final SmsFlowsProperties.Smpp smpp;
    private final String host;
    private final int port;
    private final SmsSubmitter submitter;
    private final OutboxDispatcher dispatcher;
    private final SmppInboundProcessor inbound;
    private final ReceiptProcessor receipts;

    public SmppRoutes(SmsFlowsProperties.Smpp smpp, String host, int port, SmsSubmitter submitter,
                      OutboxDispatcher dispatcher, SmppInboundProcessor inbound, ReceiptProcessor receipts) {
        this.smpp = smpp;
        this.host = host;
        this.port = port;
        this.submitter = submitter;
        this.dispatcher = dispatcher;
        this.inbound = inbound;
        this.receipts = receipts;
    }

    String endpointUri(boolean transceiver) {
        StringBuilder uri = new StringBuilder("smpp://")
                .append(URLEncoder.encode(smpp.getSystemId(), StandardCharsets.UTF_8)).append('@')
                .append(host).append(':').append(port)
                .append("?systemType=").append(smpp.getSystemType() == null ? "" : smpp.getSystemType())
                .append("&enquireLinkTimer=").append(smpp.getEnquireLinkTimer().toMillis())
                .append("&transactionTimer=").append(smpp.getTransactionTimer().toMillis())
                .append("&reconnectDelay=").append(smpp.getReconnectDelay().toMillis())
                .append("&initialReconnectDelay=").append(smpp.getReconnectDelay().toMillis())
                .append("&maxReconnect=").append(Integer.MAX_VALUE);
        if (smpp.getPassword() != null && !smpp.getPassword().isEmpty()) {
            // RAW keeps special characters intact; Camel masks "password" in logs and JMX
            uri.append("&password=RAW(").append(smpp.getPassword()).append(')');
        }
        if (transceiver) {
            uri.append("&messageReceiverRouteId=").append(INBOUND_ROUTE);
        }
        return uri.toString();
    }

    @Override
    public void configure() {
        boolean transceiver = smpp.getBindMode() == SmsFlowsProperties.BindMode.TRANSCEIVER;
        SmppEndpoint out = getContext().getEndpoint(endpointUri(transceiver), SmppEndpoint.class);
        out.setBinding(new RawDeliverSmBinding(out.getConfiguration()));

        from(SUBMIT_QUEUE + "?concurrentConsumers=" + smpp.getWindow() + "&size=100000")
                .routeId("sms-submit")
                .errorHandler(noErrorHandler())
                .process(exchange -> {
                    try {
                        submitter.submit(exchange.getIn().getBody(String.class));
                    } finally {
                        dispatcher.done();
                    }
                });

        from(CamelSmppWire.ROUTE_URI)
                .routeId("sms-smpp-out")
                .errorHandler(noErrorHandler())
                .to(out);

        if (transceiver) {
            from("direct:" + INBOUND_ROUTE).routeId(INBOUND_ROUTE).errorHandler(noErrorHandler())
                    .process(inbound)
                    .filter(header(SmppInboundProcessor.KIND).isEqualTo("receipt"))
                    .to(RECEIPT_QUEUE + "?discardWhenFull=true&size=100000");
        } else {
            // same endpoint: camel-smpp binds its consumer as bind_receiver, its producer as bind_transmitter
            from(out).routeId(INBOUND_ROUTE).errorHandler(noErrorHandler())
                    .process(inbound)
                    .filter(header(SmppInboundProcessor.KIND).isEqualTo("receipt"))
                    .to(RECEIPT_QUEUE + "?discardWhenFull=true&size=100000");
        }

        // a full queue drops only the wake-up: the receipt is stored and the sweep matches it
        from(RECEIPT_QUEUE + "?concurrentConsumers=2&size=100000")
                .routeId("sms-receipts")
                .process(exchange -> receipts.process(exchange.getIn().getBody(String.class)));
    }
}
