package io.smsflows.sms.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.smsflows.sms.carrier.CarrierProperties.Carrier;
import io.smsflows.sms.smpp.PartSubmission;
import io.smsflows.sms.smpp.SubmitFailure;
import io.smsflows.sms.smpp.SubmitResult;
import io.smsflows.sms.smpp.SubmitResults;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * HTTP providers as Camel routes: per carrier, {@code sms-submit-parts-<carrier>} takes whole messages, splits them
 * over {@code window} parallel requests, each paced by the carrier's rate counted in parts (Bucket4j, as the SMPP
 * binds) and POSTed through camel-http; the answers are gathered in order. 2xx with an id: accepted; 429, 5xx and
 * I/O errors: temporary (retried with backoff); other 4xx: permanent, with the provider's words. A provider that
 * keeps failing is left out of routing for {@code retry-after} (a Resilience4j circuit breaker), then tried again.
 */
public class HttpProviderRoutes extends RouteBuilder {

    /** A configured provider with what limits it. */
    public record HttpCarrier(String name, Carrier config, ProviderApi api, Bucket rate, CircuitBreaker breaker) {
    }

    private static final String STARTED = "SmsFlowsHttpStarted";
    private static final String NOT_SENT = "SmsFlowsHttpNotSent";
    private static final String MESSAGE_ID = "SmsFlowsHttpMessageId";

    private final Map<String, HttpCarrier> carriers = new ConcurrentHashMap<>();

    /**
     * Camel placeholders ({@code {{local.server.port}}}) in a carrier's url and status-callback-url are resolved when
     * the routes start and when a message is sent.
     */
    public HttpProviderRoutes(Map<String, Carrier> configured) {
        configured.forEach((name, config) -> carriers.put(name, carrier(name, config)));
    }

    static HttpCarrier carrier(String name, Carrier config) {
        if (config.getUrl() == null || config.getUrl().isBlank()) {
            throw new IllegalArgumentException("smsflows.carriers." + name + ".url is required for an HTTP provider");
        }
        if (config.getWebhook().getSecret() == null || config.getWebhook().getSecret().isBlank()) {
            throw new IllegalArgumentException("smsflows.carriers." + name + ".webhook.secret is required: the "
                    + "provider's status callbacks and inbound messages are accepted only when signed with it");
        }
        ProviderApi api = switch (config.getProvider()) {
            case GENERIC_JSON -> new GenericJsonApi(config.getFields());
            case TWILIO_COMPATIBLE -> new TwilioCompatibleApi();
        };
        double pps = config.getPartsPerSecond() == null ? 0 : config.getPartsPerSecond();
        Bucket rate = pps <= 0 ? null : Bucket.builder().addLimit(Bandwidth.builder().capacity(1)
                .refillGreedy(1, Duration.ofNanos((long) (1e9 / pps))).build()).build();
        CircuitBreaker breaker = CircuitBreaker.of("sms-http-" + name, CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(config.getRetryAfter())
                // one trial decides: with two, a provider with little traffic went back to open whenever its
                // half-open time ran out before a second message came, and never came back (docs/carriers.md)
                .permittedNumberOfCallsInHalfOpenState(1)
                // a trial call that never reports back must not keep the provider half-open (and out of use) forever
                .maxWaitDurationInHalfOpenState(config.getRetryAfter())
                .automaticTransitionFromOpenToHalfOpenEnabled(true).build());
        return new HttpCarrier(name, config, api, rate, breaker);
    }

    /** The provider, if it is one of these. */
    public HttpCarrier carrier(String name) {
        return carriers.get(name);
    }

    public Map<String, HttpCarrier> carriers() {
        return Map.copyOf(carriers);
    }

    /** A provider takes messages unless its circuit breaker is open (it kept failing). */
    public boolean isAvailable(String name) {
        HttpCarrier carrier = carriers.get(name);
        return carrier != null && carrier.breaker().getState() != CircuitBreaker.State.OPEN
                && carrier.breaker().getState() != CircuitBreaker.State.FORCED_OPEN;
    }

    /** Registry name of the client settings every provider request uses. */
    private static final String CLIENT = "smsFlowsHttpProviderClient";

    @Override
    public void configure() {
        // Apache HttpClient resends a request on its own after a 503 or an I/O error: a message could reach the
        // customer twice without us knowing. Retries are ours (with attempts, backoff and duplicate counting).
        HttpClientConfigurer noRetries = HttpClientBuilder::disableAutomaticRetries;
        getContext().getRegistry().bind(CLIENT, noRetries);
        for (HttpCarrier carrier : carriers.values()) {
            configure(carrier);
        }
    }

    private void configure(HttpCarrier carrier) {
        Carrier config = carrier.config();
        int window = config.getWindow() == null ? 10 : Math.max(1, config.getWindow());
        ExecutorService pool = getContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "sms-http-" + carrier.name(), window);
        long timeout = config.getTimeout().toMillis();
        String uri = config.getUrl() + (config.getUrl().contains("?") ? "&" : "?")
                + "throwExceptionOnFailure=false&connectTimeout=" + timeout + "&responseTimeout=" + timeout
                + "&connectionRequestTimeout=" + timeout + "&httpClientConfigurer=#" + CLIENT;

        from("direct:sms-submit-parts-" + carrier.name()).routeId("sms-submit-http-" + carrier.name())
                .errorHandler(noErrorHandler())
                .split(body(), new SubmitResults(new Answers(carrier)::answer)).parallelProcessing()
                    .executorService(pool)
                    .process(exchange -> prepare(carrier, exchange))
                    .choice().when(exchangeProperty(STARTED).isNotNull())
                        .to(uri)
                    .end()
                .end();
    }

    private void prepare(HttpCarrier carrier, Exchange exchange) {
        PartSubmission message = exchange.getIn().getBody(PartSubmission.class);
        exchange.setProperty(SubmitResults.PART_INDEX, exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class));
        if (!carrier.breaker().tryAcquirePermission()) {
            // not sent: the answer says so, and the message goes back without an attempt (docs/carriers.md, "Known
            // issues": this line tells how often a half-open provider turns messages away)
            org.slf4j.LoggerFactory.getLogger(HttpProviderRoutes.class).debug("{} turned a message away: breaker {} "
                    + "({} calls buffered, {} not permitted)", carrier.name(), carrier.breaker().getState(),
                    carrier.breaker().getMetrics().getNumberOfBufferedCalls(),
                    carrier.breaker().getMetrics().getNumberOfNotPermittedCalls());
            return;
        }
        try {
            build(carrier, message, exchange);
        } catch (Exception e) {
            // nothing went out: give the permission back and say why (an attempt is used, so it cannot loop forever)
            carrier.breaker().releasePermission();
            exchange.setProperty(STARTED, null);
            exchange.setProperty(NOT_SENT, e.getMessage() == null ? e.toString() : e.getMessage());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void build(HttpCarrier carrier, PartSubmission message, Exchange exchange) throws InterruptedException {
        if (carrier.rate() != null) {
            for (int i = 0; i < message.messageParts(); i++) {
                carrier.rate().asBlocking().consume(1); // parts, evenly spaced: never a burst over the rate
            }
        }
        String callback = carrier.config().getStatusCallbackUrl();
        ProviderApi.Request request = carrier.api().request(message.recipient(), message.sender(), message.text(),
                callback == null ? null : exchange.getContext().resolvePropertyPlaceholders(callback));
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, request.contentType() + "; charset=UTF-8");
        if (carrier.config().getAuthHeader() != null && !carrier.config().getAuthHeader().isBlank()) {
            exchange.getIn().setHeader("Authorization", carrier.config().getAuthHeader());
        }
        // providers that take one (most do) drop a resend of the same message instead of sending it twice
        exchange.getIn().setHeader("Idempotency-Key", message.messageId());
        exchange.setProperty(MESSAGE_ID, message.messageId());
        exchange.getIn().setBody(request.body());
        exchange.setProperty(STARTED, System.nanoTime());
    }

    /** What a provider's answer means for its message, and the circuit breaker told of it. */
    private static final class Answers {

        private final HttpCarrier carrier;

        Answers(HttpCarrier carrier) {
            this.carrier = carrier;
        }

        private SubmitResult answer(Exchange part) {
            Long started = part.getProperty(STARTED, Long.class);
            String notSent = part.getProperty(NOT_SENT, String.class);
            if (notSent != null) {
                return failed(true, "HTTP_NOT_SENT", carrier.name() + ": request not built: " + notSent);
            }
            if (started == null) {
                return failed(true, "PROVIDER_DOWN", carrier.name() + " kept failing: left out of routing for "
                        + carrier.config().getRetryAfter());
            }
            long nanos = System.nanoTime() - started;
            Throwable error = part.getException();
            if (error != null) {
                part.setException(null);
                carrier.breaker().onError(nanos, TimeUnit.NANOSECONDS, error);
                return failed(true, "HTTP_IO", carrier.name() + ": " + error.getMessage());
            }
            int status = part.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
            String body = part.getMessage().getBody(String.class);
            if (status >= 200 && status < 300) {
                carrier.breaker().onSuccess(nanos, TimeUnit.NANOSECONDS);
                String id = carrier.api().acceptedId(body);
                // accepted is accepted: sending it again would reach the customer twice. Without a readable id no
                // status will match it (it expires without a receipt) and the log says why.
                if (id == null || id.isBlank()) {
                    id = "no-id-" + part.getProperty(MESSAGE_ID, String.class);
                    org.slf4j.LoggerFactory.getLogger(HttpProviderRoutes.class).warn("{} accepted a message (HTTP {}) "
                            + "but its answer has no id where smsflows.carriers.{}.fields.id says: statuses cannot "
                            + "be matched", carrier.name(), status, carrier.name());
                }
                // ids of different providers cannot meet: the carrier's name is part of the id
                // the normal form receipts are matched in (a provider's "0a1b..." and "a1b..." are one id)
                return SubmitResult.accepted(io.smsflows.sms.receipt.SmscMessageIds.scoped(carrier.name(), id));
            }
            String said = carrier.name() + " answered HTTP " + status + ": " + carrier.api().errorText(body);
            if (status == 429) {
                carrier.breaker().onSuccess(nanos, TimeUnit.NANOSECONDS); // it is up, only busy
                return failed(true, "HTTP_429", said);
            }
            if (status >= 500 || status == 408) {
                carrier.breaker().onError(nanos, TimeUnit.NANOSECONDS, new IllegalStateException(said));
                return failed(true, "HTTP_" + status, said);
            }
            carrier.breaker().onSuccess(nanos, TimeUnit.NANOSECONDS);
            return failed(false, "HTTP_" + status, said);
        }

        private static SubmitResult failed(boolean temporary, String code, String message) {
            return SubmitResult.failed(new SubmitFailure(temporary, code, message, null));
        }
    }
}
