package org.finassist.server.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/** The bus: PostgreSQL {@code LISTEN/NOTIFY} when the application database is PostgreSQL, else none. */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConfiguration.class);

    @Bean
    ClusterBus clusterBus(Environment env, ClusterProperties properties, ObjectProvider<JdbcTemplate> jdbc) {
        String url = env.getProperty("spring.datasource.url", "");
        JdbcTemplate template = jdbc.getIfAvailable();
        if (!url.startsWith("jdbc:postgresql:") || template == null) {
            LOG.info("Cluster notifications off: the database is not PostgreSQL (one node)");
            return ClusterBus.NONE;
        }
        String user = env.getProperty("spring.datasource.username");
        String password = env.getProperty("spring.datasource.password");
        String nodeId = env.getProperty("finassist.node-id", "node");
        PgNotificationBus bus = new PgNotificationBus(() -> {
            try {
                return DriverManager.getConnection(url, user, password);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot open the cluster listening connection: " + e.getMessage(), e);
            }
        }, template, properties.channel(), nodeId, Duration.ofSeconds(10));
        LOG.info("Cluster notifications on channel '{}' as node {}", properties.channel(), nodeId);
        return bus;
    }
}
