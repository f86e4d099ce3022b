package io.smsflows.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsflows.sms.batch.BatchController;
import io.smsflows.sms.batch.BatchProperties;
import io.smsflows.sms.batch.BatchRepository;
import io.smsflows.sms.batch.BatchRoutes;
import io.smsflows.sms.batch.BatchTracker;
import io.smsflows.sms.batch.RecipientSources;
import io.smsflows.sms.batch.SmsBatchListener;
import io.smsflows.sms.batch.SmsBatches;
import io.smsflows.sms.batch.TextTemplates;
import io.smsflows.sms.codec.SmsEncoder;
import io.smsflows.sms.config.EncodingPolicy;
import io.smsflows.sms.config.SmsFlowsSchema;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.crm.CrmSegments;
import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.outcome.SmsOutcomeListener;
import io.smsflows.sms.preview.PricingProperties;
import io.smsflows.sms.smpp.SmppProperties;
import io.smsflows.sms.number.RecipientPolicy;
import io.smsflows.sms.number.SenderPolicy;
import io.smsflows.sms.security.CallerRoles;
import io.smsflows.sms.support.CurrentUser;
import io.smsflows.sms.support.PipelineSignals;
import io.smsflows.sms.support.SqlDialect;
import io.smsflows.sms.support.TableStatistics;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bulk sends: the {@link SmsBatches} API, the tracker that ends batches and tells their processes, and
 * {@code /api/sms/batches} in a servlet web application.
 */
@Configuration(proxyBeanMethods = false)
class BatchConfiguration {

    @Bean
    BatchRepository smsBatchRepository(DataSource dataSource, SmsFlowsSchema schema) {
        return new BatchRepository(new JdbcTemplate(dataSource));
    }

    @Bean
    SmsBatches smsBatches(BatchRepository batches, SmsMessageRepository messages, SmsEncoder encoder,
                          EncodingPolicy encoding, SuppressionList suppressions, PricingProperties pricing,
                          BatchProperties config, ObjectProvider<TextTemplates> templates, SmppProperties smpp,
                          DataSource dataSource, PipelineSignals signals, TableStatistics statistics,
                          @Qualifier("smsFlowsClock") Clock clock, RecipientPolicy recipients,
                          SenderPolicy senders, io.smsflows.sms.link.ShortLinks links) {
        SmsBatches smsBatches = new SmsBatches(batches, messages, encoder, encoding, suppressions, pricing, config,
                templates.getIfAvailable(() -> TextTemplates.NONE), smpp.getDefaultSender(),
                Transactions.on(dataSource), signals, statistics, clock, recipients, senders);
        smsBatches.setShortLinks(links);
        return smsBatches;
    }

    /** PostgreSQL: planner statistics refreshed after a large batch is stored. */
    @Bean
    @ConditionalOnMissingBean(TableStatistics.class)
    TableStatistics smsTableStatistics(DataSource dataSource, SqlDialect dialect, BatchProperties config,
                                       SmsFlowsSchema schema) {
        return new TableStatistics(new JdbcTemplate(dataSource), dialect, Transactions.on(dataSource),
                config.getAnalyzeAfterRows());
    }

    @Bean
    RecipientSources smsRecipientSources(ObjectProvider<ObjectMapper> json, CrmSegments segments) {
        return new RecipientSources(json.getIfAvailable(ObjectMapper::new), segments);
    }

    @Bean
    BatchTracker smsBatchTracker(BatchRepository batches, ObjectProvider<SmsBatchListener> listener,
                                 BatchProperties config, PricingProperties pricing,
                                 @Qualifier("smsFlowsClock") Clock clock) {
        SmsBatchListener target = listener.getIfAvailable(() -> (status, message) -> SmsOutcomeListener.Delivery.GONE);
        return new BatchTracker(batches, target, config, pricing, clock);
    }

    @Bean
    BatchRoutes smsBatchRoutes(BatchTracker tracker, BatchProperties config) {
        return new BatchRoutes(tracker, config);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    BatchController smsBatchController(SmsBatches batches, ObjectProvider<ObjectMapper> json,
                                       ObjectProvider<CurrentUser> currentUser, CallerRoles caller,
                                       io.smsflows.sms.link.ShortLinks links) {
        BatchController controller = new BatchController(batches, json.getIfAvailable(ObjectMapper::new),
                currentUser.getIfAvailable(() -> CurrentUser.UNKNOWN), caller);
        controller.setShortLinks(links);
        return controller;
    }
}
