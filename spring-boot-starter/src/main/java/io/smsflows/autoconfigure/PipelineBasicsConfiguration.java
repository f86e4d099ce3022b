package io.smsflows.autoconfigure;

import io.smsflows.sms.compliance.QuietHours;
import io.smsflows.sms.compliance.SendingWindowProperties;
import io.smsflows.sms.codec.SmsEncoder;
import io.smsflows.sms.codec.StandardSmsEncoder;
import io.smsflows.sms.config.EncodingPolicy;
import io.smsflows.sms.config.RecipientProperties;
import io.smsflows.sms.config.SenderProperties;
import io.smsflows.sms.config.SmsCategories;
import io.smsflows.sms.number.SenderPolicy;
import io.smsflows.sms.number.RecipientPolicy;
import io.smsflows.sms.config.SmsFlowsSchema;
import io.smsflows.sms.outcome.OutcomeProperties;
import io.smsflows.sms.smpp.SmppProperties;
import io.smsflows.sms.support.CamelPipelineSignals;
import io.smsflows.sms.support.PipelineSignals;
import io.smsflows.sms.support.SqlDialect;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What every stage shares: our schema (Flyway), the clock, the SQL dialect, the codec, the stages' signals. */
@Configuration(proxyBeanMethods = false)
class PipelineBasicsConfiguration {

    /** Sending windows in the recipient's local time, from smsflows.windows.* (docs/compliance.md). */
    @Bean
    @ConditionalOnMissingBean
    QuietHours smsQuietHours(SendingWindowProperties windows) {
        return QuietHours.of(windows.windows());
    }

    @Bean
    SmsFlowsSchema smsFlowsSchema(DataSource dataSource) {
        return new SmsFlowsSchema(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean(name = "smsFlowsClock")
    Clock smsFlowsClock() {
        return Clock.systemUTC();
    }

    @Bean
    SqlDialect smsSqlDialect(DataSource dataSource) {
        return SqlDialect.of(dataSource);
    }

    /** Which numbers may get an SMS at all (smsflows.recipients.*). */
    @Bean
    @ConditionalOnMissingBean
    RecipientPolicy smsRecipientPolicy(RecipientProperties recipients) {
        return recipients.policy();
    }

    /** Which sender each country and two-way message takes (smsflows.senders.*). */
    @Bean
    @ConditionalOnMissingBean
    SenderPolicy smsSenderPolicy(SenderProperties senders) {
        return senders.policy();
    }

    @Bean
    @ConditionalOnMissingBean
    SmsEncoder smsEncoder() {
        return new StandardSmsEncoder();
    }

    @Bean
    EncodingPolicy smsEncodingPolicy(SmppProperties smpp, SmsCategories categories) {
        return new EncodingPolicy(smpp.getConcatenation(), smpp.getNationalLanguages(), categories);
    }

    @Bean
    @ConditionalOnMissingBean
    PipelineSignals smsPipelineSignals(CamelContext camelContext, OutcomeProperties outcomes) {
        return new CamelPipelineSignals(camelContext, outcomes.getBatchSize());
    }
}
