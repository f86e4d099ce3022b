package io.smsflows.autoconfigure;

import io.smsflows.sms.carrier.CarrierProperties;
import io.smsflows.sms.carrier.CarrierRouter;
import io.smsflows.sms.carrier.MobileNetworks;
import io.smsflows.sms.inbound.InboundStore;
import io.smsflows.sms.receipt.ReceiptStore;
import io.smsflows.sms.smpp.CamelSmppWire;
import io.smsflows.sms.smpp.SmppCarrier;
import io.smsflows.sms.smpp.SmppInboundProcessor;
import io.smsflows.sms.smpp.SmppProperties;
import io.smsflows.sms.smpp.SmppRoutes;
import io.smsflows.sms.smpp.SmppWire;
import io.smsflows.sms.smpp.SmscAddress;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The carriers through camel-smpp: per carrier its binds, submit route and receiving route; the wire the submitters
 * use; and the router that picks a carrier per message. Without {@code smsflows.carriers} the single SMSC is
 * {@code smsflows.smpp.host/port}, or the built-in simulator when it runs.
 */
@Configuration(proxyBeanMethods = false)
class SmppBindConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CarrierRouter smsCarrierRouter(CarrierProperties carriers) {
        return new CarrierRouter(carriers.effectiveCarriers(), carriers.effectiveRoutes(), MobileNetworks::of);
    }

    @Bean
    @ConditionalOnMissingBean
    SmppWire smsSmppWire(CamelContext camelContext, SmppRoutes routes) {
        return new CamelSmppWire(camelContext.createProducerTemplate(), routes);
    }

    @Bean
    SmppInboundProcessor smsSmppInboundProcessor(ReceiptStore receipts, InboundStore inbound) {
        return new SmppInboundProcessor(receipts, inbound);
    }

    @Bean
    SmppRoutes smsSmppRoutes(SmppProperties smpp, CarrierProperties carriers, ObjectProvider<SmscAddress> simulator,
                             SmppInboundProcessor inbound) {
        SmscAddress address = simulator.getIfAvailable();
        List<SmppCarrier> smscs = new ArrayList<>();
        carriers.effectiveCarriers().forEach((name, carrier) -> {
            if (carrier.getType() != CarrierProperties.Type.SMPP) {
                throw new IllegalStateException("carrier " + name + " has type " + carrier.getType() + ", which this "
                        + "version does not support yet: use type SMPP");
            }
            SmppProperties config = carrier.smpp(smpp);
            boolean own = config.getHost() != null && !config.getHost().isBlank();
            if (!own && address == null) {
                boolean single = carriers.getCarriers().isEmpty();
                throw new IllegalStateException("No SMSC configured" + (single ? "" : " for carrier " + name)
                        + " and no simulator: set " + (single ? "smsflows.smpp.host (SMSFLOWS_SMPP_HOST)"
                        : "smsflows.carriers." + name + ".host") + ", or add sms-flows-smsc-simulator and set "
                        + "smsflows.simulator.mode=ON");
            }
            // a host of its own wins; otherwise the simulator (the demo, tests)
            smscs.add(new SmppCarrier(name, config, own ? config.getHost() : address.host(),
                    own ? config.getPort() : address.port()));
        });
        return new SmppRoutes(smscs, inbound);
    }
}
