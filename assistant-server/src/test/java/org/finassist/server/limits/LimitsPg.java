package org.finassist.server.limits;

import com.zaxxer.hikari.HikariDataSource;
import org.finassist.server.support.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * PostgreSQL for the limits tests: schema {@code limits_test} (named after the branch), recreated per class with
 * the limits and spend migrations; each "node" gets its own connection pool, as separate JVMs would.
 */
final class LimitsPg {

    static final String SCHEMA = "limits_test";

    private LimitsPg() {
    }

    static void resetSchemaOrSkip() {
        TestPostgres.resetSchemaOrSkip(SCHEMA);
        try (HikariDataSource ds = dataSource()) {
            for (String script : new String[] {"V180__shared_limits.sql", "V181__key_spend.sql"}) {
                apply(new JdbcTemplate(ds), script);
            }
        }
    }

    static HikariDataSource dataSource() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(TestPostgres.url(SCHEMA));
        ds.setUsername(TestPostgres.user());
        ds.setPassword(TestPostgres.password());
        ds.setMaximumPoolSize(6);
        return ds;
    }

    static PostgresSharedLimits node(HikariDataSource ds, Clock clock, String node) {
        return new PostgresSharedLimits(ds, JdbcClient.create(ds),
                new TransactionTemplate(new DataSourceTransactionManager(ds)), clock, node);
    }

    private static void apply(JdbcTemplate jdbc, String script) {
        try (InputStream in = LimitsPg.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                return;
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            for (String statement : sql.split(";")) {
                // the key tables' own migrations are not applied here: only the limits and spend tables
                if (!statement.isBlank() && !statement.contains("api_keys")) {
                    jdbc.execute(statement);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
