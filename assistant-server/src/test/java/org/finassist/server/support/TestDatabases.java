package org.finassist.server.support;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Databases with the server's Flyway migrations applied, for the contract suites of the JDBC stores without a Spring
 * context: an in-memory H2 in PostgreSQL mode (as the embedded default runs) and a schema of the machine's
 * PostgreSQL ({@link TestPostgres}; skipped with a message when it is unreachable, failed in CI). Each is migrated
 * once per test JVM; tests empty the tables they use.
 */
public final class TestDatabases {

    private static final Map<String, JdbcTemplate> MIGRATED = new ConcurrentHashMap<>();

    private TestDatabases() {
    }

    /** An in-memory H2 database named {@code name}, migrated once per JVM. */
    public static JdbcTemplate h2(String name) {
        return MIGRATED.computeIfAbsent("h2:" + name, k -> migrate(new DriverManagerDataSource("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "")));
    }

    /**
     * Schema {@code schema} of the PostgreSQL at {@code FINASSIST_TEST_PG_URL}, dropped, created and migrated once
     * per JVM; the test is skipped (failed in CI) when PostgreSQL is unreachable.
     */
    public static JdbcTemplate postgres(String schema) {
        JdbcTemplate ready = MIGRATED.get("pg:" + schema);
        if (ready != null) {
            return ready;
        }
        TestPostgres.resetSchemaOrSkip(schema);
        return MIGRATED.computeIfAbsent("pg:" + schema, k -> migrate(new DriverManagerDataSource(
                TestPostgres.url(schema + ",public"), TestPostgres.user(), TestPostgres.password())));
    }

    private static JdbcTemplate migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(dataSource);
    }
}
