package org.finassist.server.support;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;

/**
 * An H2 database in memory, in the server's PostgreSQL mode, with every Flyway migration applied: for unit tests of
 * a store or job without a Spring context. Each name is its own database.
 */
public final class MigratedH2 {

    private MigratedH2() {
    }

    public static DataSource dataSource(String name) {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    public static JdbcClient jdbc(String name) {
        return JdbcClient.create(dataSource(name));
    }
}
