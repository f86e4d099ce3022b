package io.smsflows.autoconfigure;

import io.smsflows.sms.config.SmsFlowsSchema;
import io.smsflows.sms.consent.ConsentProperties;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.inbound.InboundMessageRepository;
import io.smsflows.sms.inbound.InboundStore;
import io.smsflows.sms.inbound.MoDecoding;
import io.smsflows.sms.outbox.SmsOutbox;
import io.smsflows.sms.reply.AutoReplies;
import io.smsflows.sms.reply.Conversations;
import io.smsflows.sms.reply.LoggingReplyListener;
import io.smsflows.sms.reply.ReplyListener;
import io.smsflows.sms.reply.ReplyProcessor;
import io.smsflows.sms.reply.ReplyProperties;
import io.smsflows.sms.reply.ReplyRoutes;
import io.smsflows.sms.support.PipelineSignals;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inbound messages and replies: stored before they are acknowledged, decoded and reassembled, carrier keywords,
 * conversations with waiting processes, automatic answers.
 */
@Configuration(proxyBeanMethods = false)
class ReplyConfiguration {

    @Bean
    InboundMessageRepository smsInboundMessageRepository(DataSource dataSource, SmsFlowsSchema schema) {
        return new InboundMessageRepository(new JdbcTemplate(dataSource));
    }

    @Bean
    Conversations smsConversations(DataSource dataSource, SmsFlowsSchema schema,
                                   @Qualifier("smsFlowsClock") Clock clock) {
        return new Conversations(new JdbcTemplate(dataSource), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    MoDecoding smsMoDecoding() {
        return new MoDecoding();
    }

    @Bean
    InboundStore smsInboundStore(InboundMessageRepository repository, MoDecoding decoding, ReplyProperties config,
                                 PipelineSignals signals, @Qualifier("smsFlowsClock") Clock clock,
                                 Conversations conversations) {
        return new InboundStore(repository, decoding, config.getDuplicateWindow(), signals::inboundReady, clock,
                conversations::otherJourneyAskedSince);
    }

    @Bean
    ReplyProcessor smsReplyProcessor(InboundMessageRepository inbound, Conversations conversations,
                                     SuppressionList suppressions, DataSource dataSource, SmsOutbox outbox,
                                     ObjectProvider<ReplyListener> listener, ReplyProperties config,
                                     ConsentProperties consent, @Qualifier("smsFlowsClock") Clock clock) {
        return new ReplyProcessor(inbound, conversations, suppressions,
                new AutoReplies(new JdbcTemplate(dataSource), clock), outbox,
                listener.getIfAvailable(LoggingReplyListener::new), Transactions.on(dataSource), config, consent,
                clock);
    }

    @Bean
    ReplyRoutes smsReplyRoutes(ReplyProcessor replies, ReplyProperties config) {
        return new ReplyRoutes(replies, config);
    }
}
