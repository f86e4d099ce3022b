package io.smsflows.autoconfigure;

import io.smsflows.sms.batch.BatchRepository;
import io.smsflows.sms.codec.SmsEncoder;
import io.smsflows.sms.config.EncodingPolicy;
import io.smsflows.sms.config.SmsFlowsSchema;
import io.smsflows.sms.consent.RecipientGate;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.outbox.OutboxDispatcher;
import io.smsflows.sms.outbox.OutboxProperties;
import io.smsflows.sms.outbox.OutboxRoutes;
import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.number.RecipientPolicy;
import io.smsflows.sms.number.SenderPolicy;
import io.smsflows.sms.outbox.SmsOutbox;
import io.smsflows.sms.carrier.CarrierRouter;
import io.smsflows.sms.preview.PricingProperties;
import io.smsflows.sms.smpp.SmppProperties;
import io.smsflows.sms.smpp.SmppWire;
import io.smsflows.sms.submit.ChunkSubmitter;
import io.smsflows.sms.submit.SenderRates;
import io.smsflows.sms.submit.SubmitPolicies;
import io.smsflows.sms.compliance.AnswerRateRoutes;
import io.smsflows.sms.compliance.AnswerRates;
import io.smsflows.sms.compliance.BodyRetention;
import io.smsflows.sms.compliance.FrequencyProperties;
import io.smsflows.sms.compliance.RetentionProperties;
import io.smsflows.sms.compliance.RetentionRoutes;
import io.smsflows.sms.compliance.QuietHours;
import io.smsflows.sms.consent.ConsentProperties;
import io.smsflows.sms.consent.ConsentRecords;
import io.smsflows.sms.config.SenderProperties;
import io.smsflows.sms.support.PipelineSignals;
import io.smsflows.sms.support.SqlDialect;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox: where every message starts (one row in the caller's transaction), the claim stage, the submitters
 * (the opt-out gate and the window) and their routes. {@code smsflows.outbox.dispatch=false} keeps a node from
 * submitting (it still queues).
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    SmsMessageRepository smsMessageRepository(DataSource dataSource, SqlDialect dialect, SmsFlowsSchema schema) {
        return new SmsMessageRepository(new JdbcTemplate(dataSource), dialect);
    }

    @Bean
    SmsOutbox smsOutbox(SmsMessageRepository messages, SmsEncoder encoder, EncodingPolicy encoding,
                        SmppProperties smpp, @Qualifier("smsFlowsClock") Clock clock, SuppressionList suppressions,
                        PipelineSignals signals, RecipientPolicy recipients, SenderPolicy senders,
                        io.smsflows.sms.link.ShortLinks links) {
        SmsOutbox outbox = new SmsOutbox(messages, encoder, encoding, smpp.getDefaultSender(), clock, suppressions,
                signals, recipients, senders);
        outbox.setShortLinks(links);
        return outbox;
    }

    /** {{link:https://...}} in texts: a short link per message, clicks recorded (docs/campaigns.md). */
    @Bean
    io.smsflows.sms.link.ShortLinks smsShortLinks(DataSource dataSource, io.smsflows.sms.link.LinkProperties links,
                                                 @Qualifier("smsFlowsClock") Clock clock) {
        return new io.smsflows.sms.link.ShortLinks(new JdbcTemplate(dataSource), links, clock);
    }

    @Bean
    OutboxDispatcher smsOutboxDispatcher(SmsMessageRepository messages, OutboxProperties config,
                                         DataSource dataSource, PipelineSignals signals,
                                         @Qualifier("smsFlowsClock") Clock clock) {
        String nodeId = config.getNodeId() == null || config.getNodeId().isBlank() ? nodeId() : config.getNodeId().trim();
        return new OutboxDispatcher(messages, config, Transactions.on(dataSource), nodeId, signals, clock);
    }

    @Bean
    ChunkSubmitter smsChunkSubmitter(SmsMessageRepository messages, BatchRepository batches,
                                     PricingProperties pricing, SmsEncoder encoder, EncodingPolicy encoding,
                                     SmppWire wire, RecipientGate gate, SuppressionList suppressions,
                                     OutboxProperties config, SmppProperties smpp, DataSource dataSource,
                                     PipelineSignals signals, @Qualifier("smsFlowsClock") Clock clock,
                                     RecipientPolicy recipients, CarrierRouter router, SenderProperties senders,
                                     QuietHours quietHours, ConsentRecords consents,
                                     ConsentProperties consent, FrequencyProperties frequency) {
        return new ChunkSubmitter(messages, batches, pricing, encoder, encoding, wire, gate, suppressions, config,
                smpp.getDefaultSender(), Transactions.on(dataSource), signals, clock, new SubmitPolicies(recipients,
                router, new SenderRates(senders.getCaps(), clock), quietHours,
                consent.getMarketing() == ConsentProperties.MarketingMode.RECORDS ? consents : null,
                frequency.caps(), frequency.bursts()));
    }

    @Bean
    @ConditionalOnProperty(prefix = "smsflows.outbox", name = "dispatch", matchIfMissing = true)
    OutboxRoutes smsOutboxRoutes(OutboxDispatcher dispatcher, ChunkSubmitter submitter, OutboxProperties config) {
        return new OutboxRoutes(dispatcher, submitter, config);
    }

    /** Texts erased after smsflows.retention.bodies (or at once without store-bodies); docs/compliance.md. */
    @Bean
    @ConditionalOnProperty(prefix = "smsflows.retention", name = "enabled", matchIfMissing = true)
    RetentionRoutes smsRetentionRoutes(DataSource dataSource, RetentionProperties retention,
                                       @Qualifier("smsFlowsClock") Clock clock) {
        return new RetentionRoutes(new BodyRetention(new JdbcTemplate(dataSource), retention.keep(),
                retention.getBatchSize(), clock), retention);
    }

    /** The alert when a journey's questions are answered far less than before (SMS pumping); docs/compliance.md. */
    @Bean
    @ConditionalOnProperty(prefix = "smsflows.frequency.answer-rate", name = "enabled", matchIfMissing = true)
    AnswerRates smsAnswerRates(DataSource dataSource, FrequencyProperties frequency,
                               @Qualifier("smsFlowsClock") Clock clock) {
        return frequency.getAnswerRate().rates(new JdbcTemplate(dataSource), clock);
    }

    @Bean
    @ConditionalOnProperty(prefix = "smsflows.frequency.answer-rate", name = "enabled", matchIfMissing = true)
    AnswerRateRoutes smsAnswerRateRoutes(AnswerRates rates, FrequencyProperties frequency) {
        return new AnswerRateRoutes(rates, frequency.getAnswerRate());
    }

    /** This node's name in claims: host name and a random suffix (two instances on one host stay apart). */
    private static String nodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return (host.length() > 48 ? host.substring(0, 48) : host) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
