package org.finassist.server.retention;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/** Wires the retention job when {@code finassist.retention.enabled} (the default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "finassist.retention.enabled", havingValue = "true", matchIfMissing = true)
class RetentionConfiguration {

    @Bean
    RetentionJob retentionJob(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions,
                              RetentionProperties properties) {
        return new RetentionJob(dataSource, new RetentionPurge(jdbc, new TransactionTemplate(transactions),
                properties, Clock.systemUTC()), properties);
    }
}
