package io.smsflows.autoconfigure;

import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.outcome.OutcomeDispatcher;
import io.smsflows.sms.outcome.OutcomeProperties;
import io.smsflows.sms.outcome.OutcomeRoutes;
import io.smsflows.sms.outcome.SmsOutcomeListener;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Final outcomes handed to the processes that wait for them. Without a {@link SmsOutcomeListener} (no engine),
 * outcomes are marked GONE.
 */
@Configuration(proxyBeanMethods = false)
class OutcomeConfiguration {

    @Bean
    OutcomeDispatcher smsOutcomeDispatcher(SmsMessageRepository messages, ObjectProvider<SmsOutcomeListener> listener,
                                           OutcomeProperties config, @Qualifier("smsFlowsClock") Clock clock) {
        SmsOutcomeListener target = listener.getIfAvailable(() -> outcome -> SmsOutcomeListener.Delivery.GONE);
        return new OutcomeDispatcher(messages, target, config, clock);
    }

    @Bean
    OutcomeRoutes smsOutcomeRoutes(OutcomeDispatcher dispatcher, OutcomeProperties config) {
        return new OutcomeRoutes(dispatcher, config);
    }
}
