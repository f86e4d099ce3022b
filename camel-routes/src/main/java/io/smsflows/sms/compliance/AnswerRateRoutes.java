package io.smsflows.sms.compliance;

import org.apache.camel.builder.RouteBuilder;

/** {@code sms-answer-rates}: the answer-rate check on a scheduler (read-only: every node may run it). */
public class AnswerRateRoutes extends RouteBuilder {

    private final AnswerRates rates;
    private final FrequencyProperties.AnswerRate config;

    public AnswerRateRoutes(AnswerRates rates, FrequencyProperties.AnswerRate config) {
        this.rates = rates;
        this.config = config;
    }

    @Override
    public void configure() {
        long every = config.getCheckInterval().toMillis();
        from("scheduler:sms-answer-rates?delay=" + every + "&initialDelay=" + every)
                .routeId("sms-answer-rates")
                .process(exchange -> rates.check());
    }
}
