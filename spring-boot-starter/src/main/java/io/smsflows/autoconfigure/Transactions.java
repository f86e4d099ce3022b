package io.smsflows.autoconfigure;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions of the pipeline on the application's DataSource. Not a bean (a TransactionTemplate bean would replace
 * the host application's own); Camunda's engine, which uses the same DataSource, joins them.
 */
final class Transactions {

    private Transactions() {
    }

    static TransactionTemplate on(DataSource dataSource) {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }
}
