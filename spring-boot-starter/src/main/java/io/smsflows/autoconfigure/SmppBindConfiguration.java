package io.smsflows.autoconfigure;

import io.smsflows.sms.inbound.InboundStore;
import io.smsflows.sms.receipt.ReceiptStore;
import io.smsflows.sms.smpp.CamelSmppWire;
import io.smsflows.sms.smpp.SmppInboundProcessor;
import io.smsflows.sms.smpp.SmppProperties;
import io.smsflows.sms.smpp.SmppRoutes;
import io.smsflows.sms.smpp.SmppWire;
import io.smsflows.sms.smpp.SmscAddress;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SMPP bind through camel-smpp: the submit route with its window, the receiving route, and the wire the
 * submitters use. The SMSC is {@code smsflows.smpp.host/port}, or the built-in simulator when it runs.
 */
@Configuration(proxyBeanMethods = false)
class SmppBindConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SmppWire smsSmppWire(CamelContext camelContext) {
        return new CamelSmppWire(camelContext.createProducerTemplate());
    }

    @Bean
    SmppInboundProcessor smsSmppInboundProcessor(ReceiptStore receipts, InboundStore inbound) {
        return new SmppInboundProcessor(receipts, inbound);
    }

    @Bean
    SmppRoutes smsSmppRoutes(SmppProperties smpp, ObjectProvider<SmscAddress> simulator,
                             SmppInboundProcessor inbound) {
        SmscAddress address = simulator.getIfAvailable();
        String host = address != null ? address.host() : smpp.getHost();
        int port = address != null ? address.port() : smpp.getPort();
        if (host == null || host.isBlank()) {
            throw new IllegalStateException("No SMSC configured and no simulator: set smsflows.smpp.host "
                    + "(SMSFLOWS_SMPP_HOST), or add sms-flows-smsc-simulator and set smsflows.simulator.mode=ON");
        }
        return new SmppRoutes(smpp, host, port, inbound);
    }
}
