package io.smsflows.sms.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.smsflows.sms.carrier.CarrierProperties;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How a provider that kept failing leaves routing and comes back, with the breaker HttpProviderRoutes gives it. */
class ProviderBreakerTest {

    private static final Duration RETRY_AFTER = Duration.ofMillis(200);

    private CircuitBreaker breaker() {
        CarrierProperties.Carrier config = new CarrierProperties.Carrier();
        config.setType(CarrierProperties.Type.HTTP);
        config.setProvider(CarrierProperties.HttpApi.GENERIC_JSON);
        config.setUrl("http://localhost:1/messages");
        config.getWebhook().setSecret("s");
        config.setRetryAfter(RETRY_AFTER);
        return HttpProviderRoutes.carrier("acme", config).breaker();
    }

    private static void failures(CircuitBreaker breaker, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(breaker.tryAcquirePermission()).isTrue();
            breaker.onError(1, TimeUnit.MILLISECONDS, new IllegalStateException("HTTP 503"));
        }
    }

    @Test
    void five_failures_take_it_out_and_after_retry_after_one_good_call_brings_it_back() {
        CircuitBreaker breaker = breaker();
        failures(breaker, 5);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        await().atMost(Duration.ofSeconds(5)).until(() -> breaker.getState() == CircuitBreaker.State.HALF_OPEN);
        // little traffic: one message comes in the half-open time, and it is enough
        assertThat(breaker.tryAcquirePermission()).isTrue();
        breaker.onSuccess(1, TimeUnit.MILLISECONDS);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquirePermission()).isTrue();
    }

    @Test
    void a_failed_trial_takes_it_out_again_and_others_wait_while_the_trial_is_out() {
        CircuitBreaker breaker = breaker();
        failures(breaker, 5);
        await().atMost(Duration.ofSeconds(5)).until(() -> breaker.getState() == CircuitBreaker.State.HALF_OPEN);

        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).as("a second message while the trial is out").isFalse();
        breaker.onError(1, TimeUnit.MILLISECONDS, new IllegalStateException("HTTP 503"));
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void a_trial_that_never_reports_back_does_not_keep_it_half_open() {
        CircuitBreaker breaker = breaker();
        List<CircuitBreaker.StateTransition> transitions = new CopyOnWriteArrayList<>();
        breaker.getEventPublisher().onStateTransition(e -> transitions.add(e.getStateTransition()));
        failures(breaker, 5);
        await().atMost(Duration.ofSeconds(5)).until(() -> breaker.getState() == CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquirePermission()).isTrue(); // and nothing more is heard of it

        // back to open after retry-after, then tried again
        await().atMost(Duration.ofSeconds(5)).until(() -> transitions.size() >= 4);
        assertThat(transitions).startsWith(CircuitBreaker.StateTransition.CLOSED_TO_OPEN,
                CircuitBreaker.StateTransition.OPEN_TO_HALF_OPEN, CircuitBreaker.StateTransition.HALF_OPEN_TO_OPEN,
                CircuitBreaker.StateTransition.OPEN_TO_HALF_OPEN);
    }
}
