package io.smsflows.sms.smpp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Producer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.smpp.NoDelaySmppProducer;
import org.apache.camel.component.smpp.SmppConfiguration;
import org.apache.camel.component.smpp.SmppEndpoint;

/**
 * The SMPP bind as Camel routes:
 * <ul>
 *   <li>{@code sms-submit-parts}: a list of finished parts, split and submitted in parallel on the window (a pool of
 *       {@code smsflows.smpp.window} threads, each waiting for one submit_sm_resp), answers gathered in order;</li>
 *   <li>{@code sms-smpp-in}: every deliver_sm (receipts and replies) stored before it is acknowledged, on
 *       {@code smsflows.smpp.pdu-processor-degree} threads of the bind.</li>
 * </ul>
 */
public class SmppRoutes extends RouteBuilder {

    public static final String SUBMIT_PARTS = "direct:sms-submit-parts";
    private static final String INBOUND_ROUTE = "sms-smpp-in";

    private final SmppProperties smpp;
    private final String host;
    private final int port;
    private final SmppInboundProcessor inbound;
    private final List<SmppBind> binds = new CopyOnWriteArrayList<>();

    public SmppRoutes(SmppProperties smpp, String host, int port, SmppInboundProcessor inbound) {
        this.smpp = smpp;
        this.host = host;
        this.port = port;
        this.inbound = inbound;
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
                .append("&maxReconnect=").append(Integer.MAX_VALUE)
                .append("&pduProcessorDegree=").append(smpp.getPduProcessorDegree())
                // responses and deliver_sm queue here while the processor threads are busy; full: ESME_RTHROTTLED
                .append("&pduProcessorQueueCapacity=").append(Math.max(100, smpp.getWindow() * 4));
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
    public void configure() throws Exception {
        boolean transceiver = smpp.getBindMode() == SmppProperties.BindMode.TRANSCEIVER;
        SmppEndpoint first = getContext().getEndpoint(endpointUri(transceiver), SmppEndpoint.class);
        first.setBinding(new RawDeliverSmBinding(first.getConfiguration()));
        int count = Math.max(1, smpp.getBinds());
        binds.clear();
        for (int i = 0; i < count; i++) {
            // one session per endpoint in camel-smpp: each bind is its own endpoint with the same settings
            SmppBind bind = new SmppBind(i + 1, smpp.getWindow(), smpp.getPartsPerSecond(), smpp.getRateMargin(),
                    smpp.getThrottlePause(), smpp.getMaxThrottlePause());
            SmppConfiguration configuration = first.getConfiguration().copy();
            configuration.setSessionStateListener(bind.stateListener());
            SmppEndpoint endpoint = new SmppEndpoint(first.getEndpointUri() + "&bind=" + (i + 1),
                    first.getComponent(), configuration);
            endpoint.setBinding(new RawDeliverSmBinding(configuration));
            getContext().addEndpoint(endpoint.getEndpointUri(), endpoint);
            Producer producer = new NoDelaySmppProducer(endpoint, configuration);
            bind.start(producer);
            getContext().addService(producer, true, true);
            binds.add(bind);
        }
        // the windows: each thread holds one submit_sm until its submit_sm_resp (jSMPP sessions take concurrent
        // requests); each bind's own semaphore keeps it to its window
        ExecutorService windows = getContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "sms-smpp-window", smpp.getWindow() * count);
        SubmitSmHeaders headers = new SubmitSmHeaders(smpp);
        AtomicInteger rotation = new AtomicInteger();

        from(SUBMIT_PARTS).routeId("sms-submit-parts")
                .errorHandler(noErrorHandler())
                .process(exchange -> exchange.getIn().setBody(BindAssignment.assign(
                        exchange.getIn().getBody(List.class), count, Math.floorMod(rotation.getAndIncrement(), count))))
                .split(body(), new SubmitResults()).parallelProcessing().executorService(windows)
                    .process(exchange -> {
                        BoundPart part = exchange.getIn().getBody(BoundPart.class);
                        exchange.setProperty(SubmitResults.PART_INDEX, part.index());
                        exchange.getIn().setBody(part.part());
                        headers.process(exchange);
                        binds.get(part.bind()).submit(exchange, smpp.getThrottleResends());
                    })
                .end();

        if (transceiver) {
            from("direct:" + INBOUND_ROUTE).routeId(INBOUND_ROUTE).errorHandler(noErrorHandler())
                    .process(inbound);
        } else {
            // same endpoint: camel-smpp binds its consumer as bind_receiver, its producer as bind_transmitter
            from(first).routeId(INBOUND_ROUTE).errorHandler(noErrorHandler())
                    .process(inbound);
        }
    }

    /** The binds, once the routes are configured (for health and metrics). */
    public List<SmppBind> binds() {
        return List.copyOf(binds);
    }
}
