package org.finassist.rag.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The machine's PostgreSQL for integration tests: URL and user from FINASSIST_TEST_PG_URL / FINASSIST_TEST_PG_USER.
 * Unreachable → skipped with a message, except under CI=true where it fails.
 */
public final class TestPostgres {

    private TestPostgres() {
    }

    public static PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(env("FINASSIST_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/finassist_test"));
        ds.setUser(env("FINASSIST_TEST_PG_USER", "postgres"));
        try (Connection c = ds.getConnection()) {
            return ds;
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL unreachable in CI: " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL unreachable, skipping pgvector tests: " + e.getMessage());
            return null;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
