package org.finassist.server.limits;

import org.finassist.core.router.AccountLimits;
import org.finassist.server.router.RouterProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/** Picks the {@link SharedLimits} backend ({@code finassist.limits.backend}) and adapts it to the router. */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LimitsConfiguration.class);

    @Bean
    SharedLimits sharedLimits(LimitsProperties properties, DataSource dataSource, JdbcClient jdbc,
                              PlatformTransactionManager txManager, @Value("${finassist.node-id:node}") String node) {
        if (properties.backend().equals("postgres")) {
            log.info("Provider-account and virtual-key limits shared through PostgreSQL (node {})", node);
            return new PostgresSharedLimits(dataSource, jdbc, new TransactionTemplate(txManager), Clock.systemUTC(),
                    node);
        }
        log.info("Provider-account and virtual-key limits kept in this node's memory (one node; several nodes need"
                + " finassist.limits.backend=postgres)");
        return new InMemorySharedLimits(Clock.systemUTC());
    }

    @Bean
    AccountLimits accountLimits(SharedLimits limits, RouterProperties router, LimitsProperties properties) {
        return new AccountLimitsAdapter(limits, router, properties);
    }
}
