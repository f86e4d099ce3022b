package io.smsflows.autoconfigure;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smsflows.sms.smpp.SmppBind;
import io.smsflows.sms.http.HttpProviderRoutes;
import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.submit.ChunkSubmitter;
import io.smsflows.sms.receipt.ReceiptStore;
import io.smsflows.sms.compliance.AnswerRates;
import io.smsflows.sms.support.PipelineMetrics;
import io.smsflows.sms.smpp.SmppRoutes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What operators and monitoring see of the carrier connections, when the application has Actuator and Micrometer:
 * a health indicator ({@code smsBinds}: UP while every bind is bound, DOWN with each bind's state otherwise) and
 * meters per bind ({@code smsflows.parts.submitted}, {@code smsflows.parts.throttled},
 * {@code smsflows.submit.latency}) plus the outbox depth ({@code smsflows.queue.depth}).
 */
// after the registries exist: @ConditionalOnBean(MeterRegistry.class) is evaluated in order
@AutoConfiguration(after = SmsPipelineAutoConfiguration.class, afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnBean(SmppRoutes.class)
public class SmsObservabilityAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean
        HealthIndicator smsBindsHealthIndicator(SmppRoutes routes) {
            return () -> {
                List<SmppBind> binds = routes.binds();
                Map<String, Object> details = new LinkedHashMap<>();
                for (String carrier : routes.carrierNames()) {
                    Map<String, Object> carrierDetails = new LinkedHashMap<>();
                    carrierDetails.put("status", routes.isAvailable(carrier) ? "UP" : "DOWN");
                    binds.stream().filter(b -> b.carrier().equals(carrier)).forEach(bind -> carrierDetails.put(
                            "bind-" + bind.number(), bind.state() + " since " + bind.stateSince()));
                    details.put(carrier, carrierDetails);
                }
                boolean allBound = !binds.isEmpty() && binds.stream().allMatch(SmppBind::isBound);
                boolean noneBound = binds.stream().noneMatch(SmppBind::isBound);
                List<String> down = routes.carrierNames().stream().filter(c -> !routes.isAvailable(c)).toList();
                org.springframework.boot.actuate.health.Health.Builder health = allBound
                        ? org.springframework.boot.actuate.health.Health.up()
                        : noneBound ? org.springframework.boot.actuate.health.Health.down()
                        .withDetail("reason", "no bind to any SMSC is bound: nothing can be sent")
                        : org.springframework.boot.actuate.health.Health.status("DEGRADED")
                        .withDetail("reason", down.isEmpty()
                                ? "some binds are not bound: the others of their carrier carry the traffic"
                                : "carriers " + down + " are down: routing fails over to the others");
                return health.withDetails(details).build();
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class ProviderHealth {

        /** HTTP providers: UP while their circuit breaker lets requests through, with its state and failure rate. */
        @Bean
        HealthIndicator smsProvidersHealthIndicator(HttpProviderRoutes providers) {
            return () -> {
                if (providers.carriers().isEmpty()) {
                    return org.springframework.boot.actuate.health.Health.unknown()
                            .withDetail("reason", "no HTTP provider configured").build();
                }
                Map<String, Object> details = new LinkedHashMap<>();
                List<String> down = new java.util.ArrayList<>();
                providers.carriers().forEach((name, carrier) -> {
                    var breaker = carrier.breaker();
                    details.put(name, Map.of("status", providers.isAvailable(name) ? "UP" : "DOWN",
                            "circuit", breaker.getState().name(),
                            "failureRate", breaker.getMetrics().getFailureRate()));
                    if (!providers.isAvailable(name)) {
                        down.add(name);
                    }
                });
                org.springframework.boot.actuate.health.Health.Builder health = down.isEmpty()
                        ? org.springframework.boot.actuate.health.Health.up()
                        : down.size() == providers.carriers().size()
                        ? org.springframework.boot.actuate.health.Health.down()
                        : org.springframework.boot.actuate.health.Health.status("DEGRADED");
                if (!down.isEmpty()) {
                    health.withDetail("reason", "providers " + down + " kept failing: left out of routing until "
                            + "their retry-after has passed");
                }
                return health.withDetails(details).build();
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class Metrics {

        /**
         * Counters of the pipeline: {@code smsflows.receipts{state}}, {@code smsflows.messages.failed{error}},
         * {@code smsflows.parts.possible-duplicates}, {@code smsflows.range.bursts{country}},
         * {@code smsflows.journey.answer-rate.drops{journey}}.
         */
        @Bean
        PipelineMetrics smsPipelineMetrics(MeterRegistry registry, SmsMessageRepository messages,
                                           ReceiptStore receipts, ChunkSubmitter submitter,
                                           org.springframework.beans.factory.ObjectProvider<AnswerRates> answerRates) {
            PipelineMetrics metrics = new PipelineMetrics() {
                @Override
                public void receipt(String state) {
                    registry.counter("smsflows.receipts", "state", state).increment();
                }

                @Override
                public void failed(String errorCode, int count) {
                    registry.counter("smsflows.messages.failed", "error", errorCode == null ? "none" : errorCode)
                            .increment(count);
                }

                @Override
                public void possibleDuplicates(int parts) {
                    registry.counter("smsflows.parts.possible-duplicates").increment(parts);
                }

                @Override
                public void burst(String country) {
                    registry.counter("smsflows.range.bursts", "country", country == null ? "unknown" : country)
                            .increment();
                }

                @Override
                public void answerRateDropped(String journey) {
                    registry.counter("smsflows.journey.answer-rate.drops", "journey", journey).increment();
                }
            };
            messages.setMetrics(metrics);
            submitter.setMetrics(metrics);
            receipts.setMetrics(metrics);
            answerRates.ifAvailable(rates -> rates.setMetrics(metrics));
            return metrics;
        }

        /**
         * Binds exist once Camel has configured its routes, which happens after the lifecycle beans start: the meters
         * are registered when the application is ready (a SmartLifecycle found no binds and registered none).
         */
        @Bean
        ApplicationListener<ApplicationReadyEvent> smsBindMeters(SmppRoutes routes, HttpProviderRoutes providers,
                                                                 MeterRegistry registry, JdbcTemplate jdbc) {
            return ready -> {
                for (SmppBind bind : routes.binds()) {
                    String name = String.valueOf(bind.number());
                    FunctionCounter.builder("smsflows.parts.submitted", bind, SmppBind::submitted)
                            .tags("carrier", bind.carrier(), "bind", name)
                            .description("submit_sm sent, resends included")
                            .register(registry);
                    FunctionCounter.builder("smsflows.parts.throttled", bind, SmppBind::throttled)
                            .tags("carrier", bind.carrier(), "bind", name)
                            .description("ESME_RTHROTTLED and ESME_RMSGQFUL answers")
                            .register(registry);
                    FunctionTimer.builder("smsflows.submit.latency", bind, SmppBind::answered,
                                    SmppBind::answerNanos, TimeUnit.NANOSECONDS)
                            .tags("carrier", bind.carrier(), "bind", name)
                            .description("submit_sm to its response").register(registry);
                    Gauge.builder("smsflows.bind.bound", bind, b -> b.isBound() ? 1 : 0)
                            .tags("carrier", bind.carrier(), "bind", name)
                            .register(registry);
                }
                providers.carriers().keySet().forEach(name -> Gauge.builder("smsflows.provider.available",
                                providers, p -> p.isAvailable(name) ? 1 : 0).tag("carrier", name)
                        .description("1 while the HTTP provider's circuit breaker lets requests through")
                        .register(registry));
                Gauge.builder("smsflows.queue.depth", jdbc, j -> {
                    Long n = j.queryForObject("select count(*) from sms_message where status = 'QUEUED'",
                            Long.class);
                    return n == null ? 0 : n;
                }).description("messages waiting to be sent").register(registry);
            };
        }
    }
}
