package io.smsflows.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.camunda.batch.SmsBatchDelegate;
import io.smsflows.camunda.delegate.SmsSendDelegate;
import io.smsflows.sms.batch.SmsBatches;
import io.smsflows.sms.codec.SmsEncoder;
import io.smsflows.sms.codec.StandardSmsEncoder;
import io.smsflows.sms.outbox.OutboxProperties;
import io.smsflows.sms.outbox.OutboxRoutes;
import io.smsflows.sms.outbox.SmsOutbox;
import io.smsflows.sms.outcome.SmsOutcomeListener;
import io.smsflows.sms.receipt.ReceiptProperties;
import io.smsflows.sms.simulator.SimulatorAutoConfiguration;
import io.smsflows.sms.simulator.SmscSimulator;
import io.smsflows.sms.smpp.SmppProperties;
import io.smsflows.sms.smpp.SmppRoutes;
import io.smsflows.sms.smpp.SmscAddress;
import java.time.Duration;
import java.util.UUID;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the starter gives an application, and what the application can change, checked on the auto-configuration
 * alone (no engine, Camel routes not started).
 */
class SmsFlowsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    JdbcTemplateAutoConfiguration.class, CamelAutoConfiguration.class,
                    SimulatorAutoConfiguration.class, SmsPipelineAutoConfiguration.class,
                    SmsCamundaAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig-" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1", "camel.main.auto-startup=false", "smsflows.simulator.port=0");

    @Test
    void an_application_with_a_datasource_and_camel_gets_the_pipeline_and_the_camunda_delegates() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(SmsOutbox.class).hasSingleBean(SmsBatches.class)
                    .hasSingleBean(OutboxRoutes.class).hasSingleBean(SmppRoutes.class)
                    .hasSingleBean(SmsSendDelegate.class).hasSingleBean(SmsBatchDelegate.class)
                    .hasSingleBean(SmsOutcomeListener.class);
            assertThat(context).as("no SMSC configured: the simulator runs").hasSingleBean(SmscSimulator.class);
            assertThat(context.getBean(SmsEncoder.class)).isInstanceOf(StandardSmsEncoder.class);
            assertThat(context.getBean("smsSend")).isInstanceOf(SmsSendDelegate.class);
            assertThat(context.getBean("smsSendBatch")).isInstanceOf(SmsBatchDelegate.class);
        });
    }

    @Test
    void it_stays_out_of_the_way_when_switched_off_or_without_a_datasource() {
        runner.withPropertyValues("smsflows.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(SmsOutbox.class).doesNotHaveBean(SmscSimulator.class)
                    .doesNotHaveBean(SmsSendDelegate.class);
        });
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                        SmsPipelineAutoConfiguration.class, SmsCamundaAutoConfiguration.class))
                .withPropertyValues("camel.main.auto-startup=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SmsOutbox.class)
                        .doesNotHaveBean(SmsSendDelegate.class));
    }

    @Test
    void each_capability_binds_its_own_properties_from_the_usual_spring_sources() {
        runner.withPropertyValues("smsflows.outbox.chunk-size=7", "smsflows.outbox.poll-interval=250ms",
                        "smsflows.smpp.window=12", "smsflows.smpp.system-id=shop", "smsflows.receipts.batch-size=64")
                .run(context -> {
                    assertThat(context.getBean(OutboxProperties.class).getChunkSize()).isEqualTo(7);
                    assertThat(context.getBean(OutboxProperties.class).getPollInterval())
                            .isEqualTo(Duration.ofMillis(250));
                    assertThat(context.getBean(SmppProperties.class).getWindow()).isEqualTo(12);
                    assertThat(context.getBean(SmppProperties.class).getSystemId()).isEqualTo("shop");
                    assertThat(context.getBean(ReceiptProperties.class).getBatchSize()).isEqualTo(64);
                });
    }

    @Test
    void an_application_can_bring_its_own_encoder_and_outcome_listener() {
        runner.withUserConfiguration(OwnBeans.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SmsEncoder.class)).isSameAs(context.getBean("ownEncoder"));
            assertThat(context.getBean(SmsOutcomeListener.class)).isSameAs(context.getBean("ownListener"));
        });
    }

    @Test
    void a_node_can_queue_without_submitting() {
        runner.withPropertyValues("smsflows.outbox.dispatch=false").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(SmsOutbox.class).doesNotHaveBean(OutboxRoutes.class);
        });
    }

    @Test
    void a_configured_smsc_switches_the_simulator_off_unless_it_is_forced_on() {
        ApplicationContextRunner simulator = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SimulatorAutoConfiguration.class))
                .withPropertyValues("smsflows.simulator.port=0");
        simulator.run(context -> assertThat(context).hasSingleBean(SmscSimulator.class)
                .hasSingleBean(SmscAddress.class));
        simulator.withPropertyValues("smsflows.smpp.host=smsc.example.net")
                .run(context -> assertThat(context).doesNotHaveBean(SmscSimulator.class));
        simulator.withPropertyValues("smsflows.smpp.host=smsc.example.net", "smsflows.simulator.mode=ON")
                .run(context -> assertThat(context).hasSingleBean(SmscSimulator.class));
        simulator.withPropertyValues("smsflows.simulator.mode=OFF")
                .run(context -> assertThat(context).doesNotHaveBean(SmscSimulator.class));
    }

    @Test
    void no_smsc_and_no_simulator_fails_at_start_with_what_to_do() {
        runner.withPropertyValues("smsflows.simulator.mode=OFF").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("No SMSC configured and no simulator: set smsflows.smpp.host");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {

        @Bean
        SmsEncoder ownEncoder() {
            return new StandardSmsEncoder();
        }

        @Bean
        SmsOutcomeListener ownListener() {
            return outcome -> SmsOutcomeListener.Delivery.DONE;
        }
    }
}
