package io.smsflows.sms.config;

import io.smsflows.sms.codec.ConcatReferences;
import io.smsflows.sms.codec.SmsEncoder;
import io.smsflows.sms.codec.StandardSmsEncoder;
import io.smsflows.sms.consent.RecipientConcatReferences;
import io.smsflows.sms.consent.RecipientGate;
import io.smsflows.sms.crm.CrmCallbacks;
import io.smsflows.sms.crm.CrmRoutes;
import io.smsflows.sms.crm.CrmStubController;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.inbound.InboundMessageRepository;
import io.smsflows.sms.inbound.InboundStore;
import io.smsflows.sms.inbound.MoDecoding;
import io.smsflows.sms.reply.AutoReplies;
import io.smsflows.sms.reply.Conversations;
import io.smsflows.sms.reply.LoggingReplyListener;
import io.smsflows.sms.reply.ReplyListener;
import io.smsflows.sms.reply.ReplyProcessor;
import io.smsflows.sms.outbox.OutboxDispatcher;
import io.smsflows.sms.preview.SmsPreview;
import io.smsflows.sms.preview.SmsPreviewController;
import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.outbox.SmsOutbox;
import io.smsflows.sms.outcome.OutcomeNotifier;
import io.smsflows.sms.outcome.SmsOutcomeListener;
import io.smsflows.sms.receipt.ReceiptProcessor;
import io.smsflows.sms.receipt.ReceiptRepository;
import io.smsflows.sms.simulator.SimulatorController;
import io.smsflows.sms.simulator.SmscSimulator;
import io.smsflows.sms.smpp.CamelSmppWire;
import io.smsflows.sms.smpp.SmppInboundProcessor;
import io.smsflows.sms.smpp.SmppRoutes;
import io.smsflows.sms.smpp.SmppWire;
import io.smsflows.sms.smpp.SmsSubmitter;
import io.smsflows.sms.support.PollingWorker;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SMS pipeline for any Spring Boot application with a DataSource and Camel: our tables, the outbox, the SMPP
 * routes and receipt handling, and (when no SMSC is configured) the built-in simulator. Turn it off with
 * {@code smsflows.enabled=false}.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class},
        afterName = "org.apache.camel.spring.boot.CamelAutoConfiguration")
@ConditionalOnClass({CamelContext.class, JdbcTemplate.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "smsflows", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(SmsFlowsProperties.class)
public class SmsFlowsAutoConfiguration {

    @Bean
    public SmsFlowsSchema smsFlowsSchema(DataSource dataSource) {
        return new SmsFlowsSchema(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean(name = "smsFlowsClock")
    public Clock smsFlowsClock() {
        return Clock.systemUTC();
    }

    @Bean
    public SmsMessageRepository smsMessageRepository(DataSource dataSource, SmsFlowsSchema schema) {
        return new SmsMessageRepository(new JdbcTemplate(dataSource));
    }

    @Bean
    public ReceiptRepository smsReceiptRepository(DataSource dataSource, SmsFlowsSchema schema) {
        return new ReceiptRepository(new JdbcTemplate(dataSource));
    }

    @Bean
    public InboundMessageRepository smsInboundMessageRepository(DataSource dataSource, SmsFlowsSchema schema) {
        return new InboundMessageRepository(new JdbcTemplate(dataSource));
    }

    @Bean
    public RecipientGate smsRecipientGate(DataSource dataSource, SmsFlowsSchema schema) {
        return new RecipientGate(dataSource);
    }

    @Bean
    public SuppressionList smsSuppressionList(DataSource dataSource, RecipientGate gate,
                                              @Qualifier("smsFlowsClock") Clock clock) {
        return new SuppressionList(new JdbcTemplate(dataSource), gate, clock);
    }

    @Bean
    public Conversations smsConversations(DataSource dataSource, SmsFlowsSchema schema,
                                          @Qualifier("smsFlowsClock") Clock clock) {
        return new Conversations(new JdbcTemplate(dataSource), clock);
    }

    @Bean
    public ReplyProcessor smsReplyProcessor(InboundMessageRepository inbound, Conversations conversations,
                                            SuppressionList suppressions, DataSource dataSource, SmsOutbox outbox,
                                            ObjectProvider<ReplyListener> listener, SmsFlowsProperties properties,
                                            @Qualifier("smsFlowsClock") Clock clock) {
        return new ReplyProcessor(inbound, conversations, suppressions,
                new AutoReplies(new JdbcTemplate(dataSource), clock), outbox,
                listener.getIfAvailable(LoggingReplyListener::new),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), properties, clock);
    }

    @Bean
    public PollingWorker smsReplyWorker(ReplyProcessor replies, SmsFlowsProperties properties) {
        return new PollingWorker("sms-replies", properties.getReplies().getPollInterval(), replies::processDue);
    }

    @Bean
    @ConditionalOnMissingBean
    public MoDecoding smsMoDecoding() {
        return new MoDecoding();
    }

    @Bean
    public InboundStore smsInboundStore(InboundMessageRepository repository, MoDecoding decoding,
                                        SmsFlowsProperties properties,
                                        @Qualifier("smsReplyWorker") PollingWorker replyWorker,
                                        @Qualifier("smsFlowsClock") Clock clock) {
        return new InboundStore(repository, decoding, properties.getReplies().getDuplicateWindow(), replyWorker::wake,
                clock);
    }

    @Bean
    @ConditionalOnMissingBean
    public SmsEncoder smsEncoder() {
        return new StandardSmsEncoder();
    }

    @Bean
    @ConditionalOnMissingBean
    public ConcatReferences smsConcatReferences(DataSource dataSource, RecipientGate gate) {
        return new RecipientConcatReferences(new JdbcTemplate(dataSource), gate);
    }

    @Bean
    public OutboxDispatcher smsOutboxDispatcher(SmsMessageRepository messages, SmsFlowsProperties properties,
                                                @Qualifier("smsFlowsClock") Clock clock) {
        String node;
        try {
            node = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            node = "node";
        }
        node = node + "-" + UUID.randomUUID().toString().substring(0, 8);
        // queue a few rounds of the window ahead so the binds never idle between claims
        int capacity = Math.max(properties.getSmpp().getWindow() * 8, properties.getOutbox().getBatchSize());
        return new OutboxDispatcher(messages, properties.getOutbox(), node, capacity, clock);
    }

    @Bean
    public PollingWorker smsOutboxWorker(OutboxDispatcher dispatcher, SmsFlowsProperties properties) {
        return new PollingWorker("sms-outbox", properties.getOutbox().getPollInterval(), dispatcher::dispatch);
    }

    @Bean
    public OutcomeNotifier smsOutcomeNotifier(SmsMessageRepository messages,
                                              ObjectProvider<SmsOutcomeListener> listener,
                                              SmsFlowsProperties properties, @Qualifier("smsFlowsClock") Clock clock) {
        SmsOutcomeListener target = listener.getIfAvailable(() -> outcome -> SmsOutcomeListener.Delivery.GONE);
        return new OutcomeNotifier(messages, target, properties.getOutcomes(), clock);
    }

    @Bean
    public PollingWorker smsOutcomeWorker(OutcomeNotifier notifier, SmsFlowsProperties properties) {
        return new PollingWorker("sms-outcomes", properties.getOutcomes().getPollInterval(), notifier::notifyDue);
    }

    @Bean
    public ReceiptProcessor smsReceiptProcessor(ReceiptRepository receipts, SmsMessageRepository messages,
                                                SmsFlowsProperties properties,
                                                @Qualifier("smsOutcomeWorker") PollingWorker outcomeWorker,
                                                @Qualifier("smsFlowsClock") Clock clock) {
        return new ReceiptProcessor(receipts, messages, properties.getReceipts(), outcomeWorker::wake, clock);
    }

    @Bean
    public PollingWorker smsReceiptWorker(ReceiptProcessor receipts, SmsFlowsProperties properties) {
        return new PollingWorker("sms-receipts", properties.getReceipts().getRetryInterval(), receipts::sweep);
    }

    @Bean
    public SmsOutbox smsOutbox(SmsMessageRepository messages, SmsEncoder encoder, SmsFlowsProperties properties,
                               @Qualifier("smsOutboxWorker") PollingWorker outboxWorker,
                               @Qualifier("smsFlowsClock") Clock clock, SuppressionList suppressions) {
        return new SmsOutbox(messages, encoder, properties, outboxWorker::wakeAfterCommit, clock, suppressions);
    }

    @Bean
    public SmppWire smsSmppWire(CamelContext camelContext, SmsFlowsProperties properties) {
        ProducerTemplate producer = camelContext.createProducerTemplate();
        return new CamelSmppWire(producer, properties.getSmpp());
    }

    @Bean
    public SmsSubmitter smsSubmitter(SmsMessageRepository messages, SmsEncoder encoder, ConcatReferences references,
                                     SmppWire wire, ReceiptProcessor receipts, SmsFlowsProperties properties,
                                     @Qualifier("smsOutcomeWorker") PollingWorker outcomeWorker,
                                     @Qualifier("smsFlowsClock") Clock clock, RecipientGate gate,
                                     SuppressionList suppressions) {
        return new SmsSubmitter(messages, encoder, references, wire, receipts, properties, outcomeWorker::wake, clock,
                gate, suppressions);
    }

    @Bean
    public SmppInboundProcessor smsSmppInboundProcessor(ReceiptProcessor receipts, InboundStore inbound) {
        return new SmppInboundProcessor(receipts, inbound);
    }

    @Bean
    public SmppRoutes smsSmppRoutes(SmsFlowsProperties properties, ObjectProvider<SmscSimulator> simulator,
                                    SmsSubmitter submitter, OutboxDispatcher dispatcher,
                                    SmppInboundProcessor inbound, ReceiptProcessor receipts) {
        SmscSimulator sim = simulator.getIfAvailable();
        String host = sim != null ? "127.0.0.1" : properties.getSmpp().getHost();
        int port = sim != null ? sim.port() : properties.getSmpp().getPort();
        if (host == null || host.isBlank()) {
            throw new IllegalStateException("No SMSC configured and the simulator is off: set smsflows.smpp.host "
                    + "(SMSFLOWS_SMPP_HOST) or smsflows.simulator.mode=ON");
        }
        return new SmppRoutes(properties.getSmpp(), host, port, submitter, dispatcher, inbound, receipts);
    }

    /** Starts feeding the submit route once Camel runs (rows queued before that simply wait in the outbox). */
    @Bean
    public CamelContextConfiguration smsFlowsCamelStart(OutboxDispatcher dispatcher, SmsFlowsProperties properties,
                                                        @Qualifier("smsOutboxWorker") PollingWorker outboxWorker) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                if (!properties.getOutbox().isDispatch()) {
                    return;
                }
                ProducerTemplate producer = camelContext.createProducerTemplate();
                dispatcher.setSubmitQueue(id -> producer.sendBody(SmppRoutes.SUBMIT_QUEUE, id));
                outboxWorker.wake();
            }
        };
    }

    @Bean
    public SmsPreview smsPreview(SmsEncoder encoder, SmsFlowsProperties properties) {
        return new SmsPreview(encoder, properties);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    public SmsPreviewController smsPreviewController(SmsPreview preview) {
        return new SmsPreviewController(preview);
    }

    @Bean
    public CrmRoutes smsCrmRoutes(SmsFlowsProperties properties) {
        return new CrmRoutes(properties.getCrm().getTimeout().toMillis());
    }

    @Bean
    public CrmCallbacks smsCrmCallbacks(CamelContext camelContext, SmsFlowsProperties properties,
                                        Environment environment) {
        return new CrmCallbacks(camelContext.createProducerTemplate(), properties.getCrm(), () -> {
            String port = environment.getProperty("local.server.port");
            if (port == null || environment.getProperty("smsflows.crm.stub.enabled", Boolean.class, true).equals(false)) {
                return null;
            }
            return "http://localhost:" + port + environment.getProperty("server.servlet.context-path", "")
                    + "/api/crm-stub";
        });
    }

    /** The demo CRM: only when no CRM is configured, in a servlet web application. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    @ConditionalOnProperty(prefix = "smsflows.crm", name = "base-url", havingValue = "", matchIfMissing = true)
    public CrmStubController smsCrmStubController() {
        return new CrmStubController();
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(SimulatorCondition.class)
    static class SimulatorConfiguration {

        @Bean(destroyMethod = "close")
        public SmscSimulator smscSimulator(SmsFlowsProperties properties, SmsEncoder encoder) throws IOException {
            return new SmscSimulator(properties.getSimulator(), encoder);
        }

        @Bean
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
        @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
        public SimulatorController smscSimulatorController(SmscSimulator simulator) {
            return new SimulatorController(simulator);
        }
    }
}
