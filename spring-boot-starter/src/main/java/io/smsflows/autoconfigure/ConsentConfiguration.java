package io.smsflows.autoconfigure;

import io.smsflows.sms.consent.ConsentRecords;
import io.smsflows.sms.consent.ErasedNumbers;
import io.smsflows.sms.config.SmsFlowsSchema;
import io.smsflows.sms.consent.RecipientGate;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.support.SqlDialect;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Opt-outs: the suppression list and the per-recipient gate every first part passes. */
@Configuration(proxyBeanMethods = false)
class ConsentConfiguration {

    @Bean
    RecipientGate smsRecipientGate(DataSource dataSource, SqlDialect dialect, SmsFlowsSchema schema) {
        return new RecipientGate(dataSource, dialect);
    }

    @Bean
    ConsentRecords smsConsentRecords(DataSource dataSource, RecipientGate gate,
                                     @Qualifier("smsFlowsClock") Clock clock) {
        return new ConsentRecords(new JdbcTemplate(dataSource), gate, Transactions.on(dataSource), clock);
    }

    @Bean
    SuppressionList smsSuppressionList(DataSource dataSource, RecipientGate gate,
                                       @Qualifier("smsFlowsClock") Clock clock) {
        SuppressionList list = new SuppressionList(new JdbcTemplate(dataSource), gate, clock);
        // an erased number's opt-outs are kept hashed: every lookup asks for the hash too
        list.setErasedNumbers(new ErasedNumbers(new JdbcTemplate(dataSource)));
        return list;
    }
}
