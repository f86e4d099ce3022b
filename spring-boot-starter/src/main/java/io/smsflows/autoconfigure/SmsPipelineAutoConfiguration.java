package io.smsflows.autoconfigure;

import io.smsflows.sms.batch.BatchProperties;
import io.smsflows.sms.config.SmsCategories;
import io.smsflows.sms.consent.ConsentProperties;
import io.smsflows.sms.crm.CrmProperties;
import io.smsflows.sms.outbox.OutboxProperties;
import io.smsflows.sms.outcome.OutcomeProperties;
import io.smsflows.sms.preview.PricingProperties;
import io.smsflows.sms.receipt.ReceiptProperties;
import io.smsflows.sms.reply.ReplyProperties;
import io.smsflows.sms.smpp.SmppProperties;
import javax.sql.DataSource;
import io.smsflows.sms.config.RecipientProperties;
import io.smsflows.sms.config.SenderProperties;
import io.smsflows.sms.security.RoleProperties;
import org.apache.camel.CamelContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import io.smsflows.sms.carrier.CarrierProperties;
import io.smsflows.sms.compliance.FrequencyProperties;
import io.smsflows.sms.compliance.RetentionProperties;
import io.smsflows.sms.compliance.SendingWindowProperties;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SMS pipeline for any Spring Boot application with a DataSource and Camel: our tables, the outbox and its
 * stages as Camel routes, the SMPP bind, receipts, outcomes, batches, replies, consent, CRM callbacks and the
 * preview. One configuration class per capability, each bean replaceable where it says so. Turn it all off with
 * {@code smsflows.enabled=false}.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class},
        afterName = "org.apache.camel.spring.boot.CamelAutoConfiguration")
@ConditionalOnClass({CamelContext.class, JdbcTemplate.class})
@ConditionalOnBean({DataSource.class, CamelContext.class})
@ConditionalOnProperty(prefix = "smsflows", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties({SmppProperties.class, OutboxProperties.class, ReceiptProperties.class,
        OutcomeProperties.class, BatchProperties.class, ReplyProperties.class, ConsentProperties.class,
        CrmProperties.class, PricingProperties.class, SmsCategories.class, RoleProperties.class,
        RecipientProperties.class, SenderProperties.class, CarrierProperties.class,
        io.smsflows.sms.link.LinkProperties.class,
        SendingWindowProperties.class, FrequencyProperties.class, RetentionProperties.class})
@Import({PipelineBasicsConfiguration.class, ConsentConfiguration.class, OutboxConfiguration.class,
        SmppBindConfiguration.class, ReceiptConfiguration.class, OutcomeConfiguration.class, BatchConfiguration.class,
        ReplyConfiguration.class, CrmConfiguration.class, PreviewConfiguration.class, SecurityConfiguration.class,
        CampaignConfiguration.class})
public class SmsPipelineAutoConfiguration {
}
