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
import io.smsflows.sms.http.HttpProviderRoutes;
import io.smsflows.sms.http.WebhookController;
import io.smsflows.sms.http.WebhookEvents;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The carriers: SMPP ones through camel-smpp (per carrier its binds, submit route and receiving route), HTTP
 * providers through camel-http with their signed webhooks; the wire the submitters use; and the router that picks a
 * carrier per message. Without {@code smsflows.carriers} the single SMSC is
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
    SmppWire smsSmppWire(CamelContext camelContext, SmppRoutes routes, HttpProviderRoutes providers) {
        return new CamelSmppWire(camelContext.createProducerTemplate(), routes, providers);
    }

    /** The HTTP providers among the carriers (type HTTP), with their routes through camel-http. */
    @Bean
    HttpProviderRoutes smsHttpProviderRoutes(CarrierProperties carriers) {
        Map<String, CarrierProperties.Carrier> http = new LinkedHashMap<>();
        carriers.effectiveCarriers().forEach((name, carrier) -> {
            if (carrier.getType() == CarrierProperties.Type.HTTP) {
                http.put(name, carrier);
            }
        });
        return new HttpProviderRoutes(http);
    }

    @Bean
    WebhookEvents smsWebhookEvents(JdbcTemplate jdbc) {
        return new WebhookEvents(jdbc);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    WebhookController smsWebhookController(HttpProviderRoutes providers, WebhookEvents events, ReceiptStore receipts,
                                           InboundStore inbound, @Qualifier("smsFlowsClock") Clock clock) {
        return new WebhookController(providers, events, receipts, inbound, clock);
    }

    /** GET /s/{code}: public, customers click it (not under the REST authentication's /api/*). */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    io.smsflows.sms.link.ShortLinkController smsShortLinkController(io.smsflows.sms.link.ShortLinks links,
            org.springframework.beans.factory.ObjectProvider<io.smsflows.sms.link.LinkClickListener> listener) {
        return new io.smsflows.sms.link.ShortLinkController(links,
                listener.getIfAvailable(() -> io.smsflows.sms.link.LinkClickListener.NONE));
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
                return; // HTTP providers: smsHttpProviderRoutes
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
