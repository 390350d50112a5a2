package org.finassist.server.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;

/**
 * The machine's PostgreSQL for integration tests ({@code FINASSIST_TEST_PG_URL/USER/PASSWORD}, default
 * {@code finassist_test} at 127.0.0.1 as postgres): one schema per test class, dropped and created afresh. An
 * unreachable server fails the test in CI and skips it elsewhere.
 */
public final class TestPostgres {

    private TestPostgres() {
    }

    public static String baseUrl() {
        return System.getenv().getOrDefault("FINASSIST_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/finassist_test");
    }

    public static String user() {
        return System.getenv().getOrDefault("FINASSIST_TEST_PG_USER", "postgres");
    }

    public static String password() {
        return System.getenv("FINASSIST_TEST_PG_PASSWORD");
    }

    /** The JDBC URL with {@code currentSchema} set to {@code searchPath} (e.g. {@code "kb_test,public"}). */
    public static String url(String searchPath) {
        String base = baseUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + searchPath;
    }

    /** Drops and creates {@code schema}; skips (or fails in CI) when PostgreSQL is unreachable. */
    public static void resetSchemaOrSkip(String schema) {
        try (Connection c = DriverManager.getConnection(baseUrl(), user(), password());
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String message = "PostgreSQL not reachable at " + baseUrl() + ": " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(message);
            Assumptions.abort(message);
        }
    }
}
