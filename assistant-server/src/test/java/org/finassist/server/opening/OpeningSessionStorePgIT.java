package org.finassist.server.opening;

import org.finassist.server.security.ColumnCipher;
import org.finassist.server.support.TestPostgres;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.finassist.ocr.guide.OpeningSteps;
import org.finassist.ocr.guide.StepState;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The V30 migration and the session store on PostgreSQL 15, in schema {@code ocr_test}. */
class OpeningSessionStorePgIT {

    private static final String SCHEMA = "ocr_test";
    private JdbcTemplate jdbc;

    @BeforeEach
    void freshSchema() throws Exception {
        TestPostgres.resetSchemaOrSkip(SCHEMA);
        String url = TestPostgres.url(SCHEMA);
        SingleConnectionDataSource ds = new SingleConnectionDataSource(url, TestPostgres.user(),
                TestPostgres.password(), true);
        jdbc = new JdbcTemplate(ds);
        try (var in = getClass().getResourceAsStream("/db/migration/V30__opening_session.sql")) {
            for (String sql : new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    jdbc.execute(sql);
                }
            }
        }
        // V160 (security) binds each session to its customer
        jdbc.execute("ALTER TABLE opening_session ADD COLUMN owner VARCHAR(128)");
    }

    @Test
    void sessionsSurviveARoundTripAndExpireAfterRetention() {
        Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
        OpeningSteps steps = OpeningSteps.standard();
        var cipher = new ColumnCipher(new byte[32]);
        var store = new OpeningSessionStore(jdbc, steps, Clock.fixed(t0, ZoneOffset.UTC), Duration.ofDays(30),
                cipher);
        var session = store.create("s-1", "c-1");
        assertThat(session.submit("phone", Map.of("mobile", "13812345678", "smsCode", "123456")).status())
                .isEqualTo(StepState.Status.DONE);
        store.save("s-1", session);
        var loaded = store.load("s-1", "c-1").orElseThrow();
        assertThat(loaded.states()).isEqualTo(session.states());
        String stored = jdbc.queryForObject("SELECT state FROM opening_session WHERE session_id = 's-1'", String.class);
        assertThat(stored).as("encrypted at rest").startsWith("enc:v1:").doesNotContain("13812345678");
        assertThat(cipher.decrypt(stored)).contains("13812345678").doesNotContain("123456\"");
        var later = new OpeningSessionStore(jdbc, steps, Clock.fixed(t0.plus(Duration.ofDays(31)), ZoneOffset.UTC),
                Duration.ofDays(30), cipher);
        assertThat(later.load("s-1", "c-1")).isEmpty();
        later.create("s-2", "c-1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM opening_session", Integer.class)).isEqualTo(1);
    }
}
