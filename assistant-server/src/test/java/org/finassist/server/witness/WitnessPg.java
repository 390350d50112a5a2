package org.finassist.server.witness;

import org.finassist.server.support.TestPostgres;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/** PostgreSQL for the witness ITs: schema dh_test, recreated per test class; fails in CI, skips elsewhere. */
final class WitnessPg {

    static final String SCHEMA = "dh_test";

    private WitnessPg() {
    }

    static String baseUrl() {
        return TestPostgres.baseUrl();
    }

    static String user() {
        return TestPostgres.user();
    }

    static String url() {
        return TestPostgres.url(SCHEMA + ",public");
    }

    static Path freshDataDir() {
        try {
            Path dir = Files.createTempDirectory("witness-it-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops and recreates the schema; skips (or fails in CI) when PostgreSQL is unreachable. */
    static void resetSchemaOrSkip() {
        TestPostgres.resetSchemaOrSkip(SCHEMA);
    }

    /**
     * Spring properties pointing the app at the schema with runtime tokens rt-1..rt-3 = t1..t3, and at a fresh
     * data directory (each cached application context needs its own knowledge-base index lock).
     */
    static Map<String, Object> properties() {
        Path dataDir = freshDataDir();
        return Map.ofEntries(
                Map.entry("finassist.data-dir", dataDir.toString()),
                Map.entry("finassist.rag.index-dir", dataDir.resolve("kb-index").toString()),
                Map.entry("finassist.rag.demo", "false"),
                Map.entry("spring.datasource.url", url()),
                Map.entry("spring.datasource.username", user()),
                Map.entry("spring.datasource.password", String.valueOf(System.getenv().getOrDefault("FINASSIST_TEST_PG_PASSWORD", ""))),
                Map.entry("spring.flyway.schemas", SCHEMA),
                Map.entry("spring.flyway.default-schema", SCHEMA),
                Map.entry("finassist.digital-human-adapter.runtime-tokens.rt-1", "t1"),
                Map.entry("finassist.digital-human-adapter.runtime-tokens.rt-2", "t2"),
                Map.entry("finassist.digital-human-adapter.runtime-tokens.rt-3", "t3"),
                Map.entry("finassist.digital-human-adapter.max-frame-chars", "4096"),
                // every node of a cluster shares its keys (README "Running several nodes"); a test-only key
                Map.entry("finassist.security.column-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="),
                Map.entry("finassist.security.audit-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
    }
}
