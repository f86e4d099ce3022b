package io.smsflows.autoconfigure;

import io.smsflows.sms.batch.BatchRepository;
import io.smsflows.sms.config.SmsFlowsSchema;
import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.receipt.ReceiptMatcher;
import io.smsflows.sms.receipt.ReceiptProperties;
import io.smsflows.sms.receipt.ReceiptRepository;
import io.smsflows.sms.receipt.ReceiptRoutes;
import io.smsflows.sms.receipt.ReceiptStore;
import io.smsflows.sms.smpp.SmppProperties;
import io.smsflows.sms.support.PipelineSignals;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Delivery receipts: stored in batches before they are acknowledged, matched in batches, swept for leftovers. */
@Configuration(proxyBeanMethods = false)
class ReceiptConfiguration {

    @Bean
    ReceiptRepository smsReceiptRepository(DataSource dataSource, SmsFlowsSchema schema) {
        return new ReceiptRepository(new JdbcTemplate(dataSource));
    }

    @Bean
    ReceiptStore smsReceiptStore(ReceiptRepository receipts, ReceiptMatcher matcher, DataSource dataSource,
                                 SmppProperties smpp, @Qualifier("smsFlowsClock") Clock clock) {
        // the SMSC waits for deliver_sm_resp about as long as we wait for submit_sm_resp
        return new ReceiptStore(receipts, matcher, Transactions.on(dataSource), clock, smpp.getTransactionTimer());
    }

    @Bean
    ReceiptMatcher smsReceiptMatcher(ReceiptRepository receipts, SmsMessageRepository messages,
                                     BatchRepository batches, ReceiptProperties config, DataSource dataSource,
                                     PipelineSignals signals, @Qualifier("smsFlowsClock") Clock clock) {
        return new ReceiptMatcher(receipts, messages, batches, config, Transactions.on(dataSource), signals, clock);
    }

    @Bean
    ReceiptRoutes smsReceiptRoutes(ReceiptStore store, ReceiptMatcher matcher, ReceiptProperties config,
                                   SmppProperties smpp, CamelContext camelContext) {
        ProducerTemplate producer = camelContext.createProducerTemplate();
        store.setBatcher(pending -> producer.sendBody(ReceiptRoutes.STORE, pending));
        // a batch can hold at most what the bind's threads bring at once: complete it as soon as they all wait
        return new ReceiptRoutes(store, matcher, config, Math.min(config.getBatchSize(), smpp.getPduProcessorDegree()));
    }
}
