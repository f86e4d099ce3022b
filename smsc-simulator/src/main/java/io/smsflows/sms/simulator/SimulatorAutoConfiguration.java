package io.smsflows.sms.simulator;

import io.smsflows.sms.codec.SmsEncoder;
import io.smsflows.sms.codec.StandardSmsEncoder;
import io.smsflows.sms.smpp.SmscAddress;
import java.io.IOException;
import org.jsmpp.session.SMPPServerSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The built-in SMSC simulator, when this jar is on the classpath and no SMSC is configured (or
 * {@code smsflows.simulator.mode=ON}). It exposes its {@link SmscAddress}, so the pipeline binds to it.
 */
@AutoConfiguration(beforeName = "io.smsflows.autoconfigure.SmsPipelineAutoConfiguration")
@ConditionalOnClass(SMPPServerSession.class)
@ConditionalOnProperty(prefix = "smsflows", name = "enabled", matchIfMissing = true)
@Conditional(SimulatorCondition.class)
@EnableConfigurationProperties(SimulatorProperties.class)
public class SimulatorAutoConfiguration {

    @Bean(destroyMethod = "close")
    public SmscSimulator smscSimulator(SimulatorProperties properties, ObjectProvider<SmsEncoder> encoder)
            throws IOException {
        return new SmscSimulator(properties, encoder.getIfAvailable(StandardSmsEncoder::new));
    }

    @Bean
    public SmscAddress smscSimulatorAddress(SmscSimulator simulator) {
        return new SmscAddress("127.0.0.1", simulator.port());
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    public SimulatorController smscSimulatorController(SmscSimulator simulator) {
        return new SimulatorController(simulator);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    public HttpProviderSimulator smscHttpProviderSimulator(SimulatorProperties properties) {
        return new HttpProviderSimulator(properties);
    }
}
