package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsflows.sms.outbox.OutboundSms;
import io.smsflows.sms.outbox.SmsOutbox;
import io.smsflows.sms.simulator.SmscSimulator;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The bind's window against a slow SMSC (each submit_sm answered after 150 ms): as many submit_sm outstanding as
 * {@code smsflows.smpp.window} allows, and never more, as the SMSC counts them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e-window;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-window",
        "smsflows.simulator.port=0",
        "smsflows.simulator.receipt-delay=20ms",
        "smsflows.simulator.response-delay=150ms",
        "smsflows.smpp.window=4"})
@DirtiesContext
class SubmitWindowEndToEndTest {

    @Autowired
    SmsOutbox outbox;
    @Autowired
    SmscSimulator simulator;

    @Test
    void a_slow_smsc_has_exactly_the_window_outstanding() {
        simulator.clearReceived();
        long before = simulator.submitCount();
        for (int i = 0; i < 40; i++) {
            outbox.enqueue(OutboundSms.standalone(String.format("+49151123%05d", i), "Window " + i,
                    UUID.randomUUID().toString()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> simulator.submitCount() - before == 40);
        assertThat(simulator.maxInFlight()).isEqualTo(4);
    }
}
