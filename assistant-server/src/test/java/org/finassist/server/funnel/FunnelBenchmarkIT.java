package org.finassist.server.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.finassist.ocr.guide.OpeningSteps;
import org.finassist.server.support.TestPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Benchmark, run by bench/funnel.sh (skipped unless -Dfinassist.bench=true): writes N simulated sessions (default
 * 100,000) over eight days into PostgreSQL (schema {@code funnel_bench}), then times the screen's queries (the five
 * behind one {@code GET /api/ops/funnel}) for each cohort range and the hourly CSV export: one warm-up, then
 * {@code finassist.bench.repeats} timed runs each. Figures go to bench/results/funnel-latest.md.
 */
class FunnelBenchmarkIT {

    private static final int SESSIONS = Integer.getInteger("finassist.bench.sessions", 100_000);
    private static final int REPEATS = Integer.getInteger("finassist.bench.repeats", 5);

    @Test
    void screenQueriesOverSimulatedSessions() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("finassist.bench"), "benchmark: run bench/funnel.sh");
        TestPostgres.resetSchemaOrSkip("funnel_bench");
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(TestPostgres.url("funnel_bench") + "&reWriteBatchedInserts=true");
        pool.setUsername(TestPostgres.user());
        pool.setPassword(TestPostgres.password());
        pool.setMaximumPoolSize(6);
        FunnelDb db = FunnelDb.of(pool);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Instant now = Instant.now();
        long t0 = System.nanoTime();
        FunnelSimulator.Run run = new FunnelSimulator(db.store(), java.time.Duration.ofMinutes(30), zone)
                .run(SESSIONS, 8, now.toEpochMilli(), 22);
        double writeSeconds = (System.nanoTime() - t0) / 1e9;
        db.jdbc().execute("VACUUM ANALYZE");  // what autovacuum does after bulk inserts (PostgreSQL 13+)
        StepCatalog catalog = StepCatalog.of(OpeningSteps.standard());
        FunnelQueries queries = new FunnelQueries(db.jdbc(), catalog, new ExperimentSplit(true, 0.5, "simulated"), zone,
                java.time.Clock.systemUTC());
        FunnelCsv csv = new FunnelCsv(db.jdbc(), catalog, zone);
        StringBuilder md = new StringBuilder();
        md.append("Funnel benchmark, ").append(now).append(": ").append(run.sessions()).append(" simulated sessions, ")
                .append(run.events()).append(" events, ").append(count(db, "funnel_step")).append(" step rows, written in ")
                .append(String.format(Locale.ROOT, "%.1f s (%.0f sessions/s)", writeSeconds, run.sessions() / writeSeconds))
                .append("; PostgreSQL ").append(db.jdbc().queryForObject("SHOW server_version", String.class))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, load average ")
                .append(String.format(Locale.ROOT, "%.1f", java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean().getSystemLoadAverage())).append(" at the start of the queries.\n\n")
                .append("| query | cohort sessions | warm-up ms | median ms | max ms |\n|---|---:|---:|---:|---:|\n");
        for (String range : List.of("today", "yesterday", "7d")) {
            long[] sessions = new long[1];
            md.append(row("GET /api/ops/funnel?range=" + range + "&source=simulated (5 queries)", () -> {
                sessions[0] = queries.screen(range, true).totals().started();
            }, sessions));
        }
        md.append(row("GET /api/ops/funnel.csv?table=hourly&range=7d", () -> csv.hourly(
                Window.named("7d", Instant.now(), zone), true), new long[] {-1}));
        FunnelScreen s = queries.screen("7d", true);
        md.append("\nLast 7 days (simulated): opening rate ").append(DailyReport.pct(s.totals().openingRate()))
                .append("; guided ").append(DailyReport.pct(s.experiment().result().guided().rate())).append(" vs control ")
                .append(DailyReport.pct(s.experiment().result().control().rate())).append(String.format(Locale.ROOT,
                        ", p = %.2g", s.experiment().result().pValue())).append(".\n");
        Path out = Path.of("../bench/results/funnel-latest.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println(md);
        assertThat(count(db, "funnel_session")).isEqualTo(SESSIONS);
        pool.close();
    }

    private static long count(FunnelDb db, String table) {
        return db.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static String row(String name, Runnable query, long[] sessions) {
        long warm = time(query);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            times.add(time(query));
        }
        times.sort(null);
        return "| " + name + " | " + (sessions[0] < 0 ? "—" : sessions[0]) + " | " + warm + " | "
                + times.get(times.size() / 2) + " | " + times.getLast() + " |\n";
    }

    private static long time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1_000_000;
    }
}
