package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.sms.outbox.MessageStatus;
import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.simulator.SmscSimulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node that dies after the outbox commit and before submission: the first app commits the message but never
 * submits it (dispatch off stands for "killed right after commit"), it stops, a second app starts on the same
 * database. The message goes on the wire exactly once and the instance completes.
 */
class RestartExactlyOnceTest {

    private static ConfigurableApplicationContext start(boolean dispatch) {
        return new SpringApplication(SmsFlowsApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:e2e-restart;DB_CLOSE_DELAY=-1",
                "--camunda.bpm.process-engine-name=e2e-restart",
                "--camunda.bpm.admin-user.id=demo",
                "--camunda.bpm.admin-user.password=demo",
                "--smsflows.simulator.port=0",
                "--smsflows.outbox.dispatch=" + dispatch);
    }

    private static TestRestTemplate rest(ConfigurableApplicationContext app) {
        String port = app.getEnvironment().getProperty("local.server.port");
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
    }

    @Test
    void message_committed_before_a_crash_is_sent_exactly_once_after_restart() {
        String pi;
        String messageId;
        try (ConfigurableApplicationContext first = start(false)) {
            EngineRest rest = new EngineRest(rest(first));
            pi = rest.startSendAndTrack("restart-1", "+4915112342001", "Sent once, whatever happens");
            SmsMessageRepository messages = first.getBean(SmsMessageRepository.class);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> !messages.findByProcessInstance(pi).isEmpty());
            messageId = messages.findByProcessInstance(pi).get(0).id();
            assertThat(messages.findById(messageId).orElseThrow().status()).isEqualTo(MessageStatus.QUEUED);
            assertThat(first.getBean(SmscSimulator.class).submitCount()).isZero();
        }
        try (ConfigurableApplicationContext second = start(true)) {
            Map<String, Object> vars = new EngineRest(rest(second)).awaitCompleted(pi, Duration.ofSeconds(30));
            assertThat(vars).containsEntry("outcome", "delivered").containsEntry("smsMessageId", messageId);
            assertThat(second.getBean(SmscSimulator.class).received())
                    .filteredOn(s -> s.destAddr().equals("4915112342001")).hasSize(1);
        }
    }
}
