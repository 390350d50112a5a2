package org.finassist.server.keys;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The spend table on the embedded database: adds, day and month totals, and the buffer for keys without budget. */
class SpendStoreH2Test {

    private final SpendStore store;

    SpendStoreH2Test() throws Exception {
        SingleConnectionDataSource ds = new SingleConnectionDataSource("jdbc:h2:mem:spend-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "", true);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V181__key_spend.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            for (String statement : sql.split(";")) {
                if (!statement.isBlank() && !statement.contains("api_keys")) {
                    jdbc.execute(statement);
                }
            }
        }
        store = new SpendStore(JdbcClient.create(ds));
    }

    private static Spend spend(LocalDate day, String model, String cny) {
        return new Spend(1, day, model, 1, 100, 50, new BigDecimal(cny));
    }

    @Test
    void addsSumPerKeyModelAndDayAndTotalsSplitTodayFromTheMonth() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        store.add(spend(today, "ds:chat", "0.010"));
        store.add(spend(today, "ds:chat", "0.015"));
        store.add(spend(today, "sf:step", "0.001"));
        store.add(spend(today.minusDays(5), "ds:chat", "1.000"));
        store.add(spend(today.minusMonths(1), "ds:chat", "9.000"));
        store.add(new Spend(2, today, "ds:chat", 1, 1, 1, new BigDecimal("5")));

        SpendStore.Totals t = store.totals(1, today);
        assertThat(t.today()).isEqualByComparingTo("0.026");
        assertThat(t.month()).isEqualByComparingTo("1.026");
        var rows = store.rows(1, today, today);
        assertThat(rows).hasSize(2);
        assertThat(rows.getFirst().requests()).isEqualTo(2);
        assertThat(rows.getFirst().promptTokens()).isEqualTo(200);
    }

    @Test
    void theBufferSumsInMemoryUntilItIsFlushed() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        try (SpendBuffer buffer = new SpendBuffer(store, Duration.ofHours(1), 100)) {
            buffer.add(spend(today, "ds:chat", "0.5"));
            buffer.add(spend(today, "ds:chat", "0.25"));
            assertThat(store.totals(1, today).today()).isEqualByComparingTo("0");
            buffer.flush();
            assertThat(store.totals(1, today).today()).isEqualByComparingTo("0.75");
            assertThat(store.rows(1, today, today).getFirst().requests()).isEqualTo(2);
        }
    }

    @Test
    void aFullBufferWritesAtOnceInsteadOfDropping() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        try (SpendBuffer buffer = new SpendBuffer(store, Duration.ofHours(1), 1)) {
            buffer.add(spend(today, "ds:chat", "0.5"));
            buffer.add(spend(today, "sf:step", "0.25"));
            assertThat(store.totals(1, today).today()).isEqualByComparingTo("0.25");
        }
        assertThat(store.totals(1, today).today()).isEqualByComparingTo("0.75");
    }
}
