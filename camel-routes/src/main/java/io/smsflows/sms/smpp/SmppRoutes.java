package io.smsflows.sms.smpp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Producer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.smpp.NoDelaySmppProducer;
import org.apache.camel.component.smpp.SmppConfiguration;
import org.apache.camel.component.smpp.SmppEndpoint;

/**
 * The SMSCs as Camel routes, per carrier:
 * <ul>
 *   <li>{@code sms-submit-parts-<carrier>}: a list of finished parts, spread over the carrier's bound binds, split and
 *       submitted in parallel on their windows (a pool of window x binds threads, each waiting for one
 *       submit_sm_resp), answers gathered in order;</li>
 *   <li>{@code sms-smpp-in-<carrier>}: every deliver_sm (receipts and replies) stored before it is acknowledged, on
 *       {@code pdu-processor-degree} threads of the bind.</li>
 * </ul>
 */
public class SmppRoutes extends RouteBuilder {

    private static final String SUBMIT_PARTS = "direct:sms-submit-parts-";
    private static final String INBOUND_ROUTE = "sms-smpp-in-";

    private final List<SmppCarrier> carriers;
    private final SmppInboundProcessor inbound;
    private final Map<String, List<SmppBind>> binds = new ConcurrentHashMap<>();

    public SmppRoutes(List<SmppCarrier> carriers, SmppInboundProcessor inbound) {
        this.carriers = List.copyOf(carriers);
        this.inbound = inbound;
    }

    /** The direct endpoint that submits a carrier's parts. */
    public static String submitUri(String carrier) {
        return SUBMIT_PARTS + carrier;
    }

    static String endpointUri(SmppCarrier carrier, boolean transceiver) {
        SmppProperties smpp = carrier.config();
        StringBuilder uri = new StringBuilder("smpp://")
                .append(URLEncoder.encode(smpp.getSystemId(), StandardCharsets.UTF_8)).append('@')
                .append(carrier.host()).append(':').append(carrier.port())
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
            uri.append("&messageReceiverRouteId=").append(INBOUND_ROUTE).append(carrier.name());
        }
        return uri.toString();
    }

    @Override
    public void configure() throws Exception {
        binds.clear();
        for (SmppCarrier carrier : carriers) {
            configure(carrier);
        }
    }

    private void configure(SmppCarrier carrier) throws Exception {
        SmppProperties smpp = carrier.config();
        String name = carrier.name();
        boolean transceiver = smpp.getBindMode() == SmppProperties.BindMode.TRANSCEIVER;
        // parsed (and checked) by camel-smpp once; every bind and the receiver get their own copy of its settings
        SmppEndpoint template = getContext().getEndpoint(endpointUri(carrier, transceiver), SmppEndpoint.class);
        int count = Math.max(1, smpp.getBinds());
        List<SmppBind> carrierBinds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // one session per endpoint in camel-smpp: each bind is its own endpoint with the same settings
            SmppBind bind = new SmppBind(name, i + 1, smpp.getWindow(), smpp.getPartsPerSecond(),
                    smpp.getRateMargin(), smpp.getThrottlePause(), smpp.getMaxThrottlePause());
            SmppEndpoint endpoint = copy(template, "&carrier=" + name + "&bind=" + (i + 1));
            endpoint.getConfiguration().setSessionStateListener(bind.stateListener());
            Producer producer = new NoDelaySmppProducer(endpoint, endpoint.getConfiguration());
            bind.start(producer);
            getContext().addService(producer, true, true);
            carrierBinds.add(bind);
        }
        binds.put(name, List.copyOf(carrierBinds));
        // the windows: each thread holds one submit_sm until its submit_sm_resp (jSMPP sessions take concurrent
        // requests); each bind's own semaphore keeps it to its window
        ExecutorService windows = getContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "sms-smpp-window-" + name, smpp.getWindow() * count);
        SubmitSmHeaders headers = new SubmitSmHeaders(smpp);
        AtomicInteger rotation = new AtomicInteger();

        from(submitUri(name)).routeId("sms-submit-parts-" + name)
                .errorHandler(noErrorHandler())
                .process(exchange -> exchange.getIn().setBody(BindAssignment.assign(
                        exchange.getIn().getBody(List.class), usable(carrierBinds), rotation.getAndIncrement())))
                .split(body(), new SubmitResults()).parallelProcessing().executorService(windows)
                    .process(exchange -> {
                        BoundPart part = exchange.getIn().getBody(BoundPart.class);
                        exchange.setProperty(SubmitResults.PART_INDEX, part.index());
                        exchange.getIn().setBody(part.part());
                        headers.process(exchange);
                        carrierBinds.get(part.bind()).submit(exchange, smpp.getThrottleResends());
                    })
                .end();

        if (transceiver) {
            from("direct:" + INBOUND_ROUTE + name).routeId(INBOUND_ROUTE + name).errorHandler(noErrorHandler())
                    .process(inbound.forCarrier(name));
        } else {
            // camel-smpp binds a consumer as bind_receiver (the producers above are bind_transmitter)
            from(copy(template, "&carrier=" + name + "&receiver=true")).routeId(INBOUND_ROUTE + name)
                    .errorHandler(noErrorHandler())
                    .process(inbound.forCarrier(name));
        }
    }

    private SmppEndpoint copy(SmppEndpoint template, String suffix) throws Exception {
        SmppConfiguration configuration = template.getConfiguration().copy();
        SmppEndpoint endpoint = new SmppEndpoint(template.getEndpointUri() + suffix, template.getComponent(),
                configuration);
        endpoint.setBinding(new RawDeliverSmBinding(configuration));
        getContext().addEndpoint(endpoint.getEndpointUri(), endpoint);
        return endpoint;
    }

    /** The binds parts may go to: the bound ones, or all while none is (their failures put the parts back). */
    private static List<Integer> usable(List<SmppBind> binds) {
        List<Integer> bound = new ArrayList<>();
        for (int i = 0; i < binds.size(); i++) {
            if (binds.get(i).isBound()) {
                bound.add(i);
            }
        }
        if (bound.isEmpty()) {
            for (int i = 0; i < binds.size(); i++) {
                bound.add(i);
            }
        }
        return bound;
    }

    /** The binds of every carrier, once the routes are configured (for health and metrics). */
    public List<SmppBind> binds() {
        return carriers.stream().flatMap(c -> binds.getOrDefault(c.name(), List.of()).stream()).toList();
    }

    /** The carriers these routes bind to. */
    public List<String> carrierNames() {
        return carriers.stream().map(SmppCarrier::name).toList();
    }

    /** A carrier can take parts while at least one of its binds is bound. */
    public boolean isAvailable(String carrier) {
        return binds.getOrDefault(carrier, List.of()).stream().anyMatch(SmppBind::isBound);
    }
}
