package org.finassist.server.limits;

import com.zaxxer.hikari.HikariDataSource;
import org.finassist.core.router.AccountLimits;
import org.finassist.server.router.RouterProperties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark, run by bench/limits.sh (skipped unless -Dfinassist.bench=true): the time one provider call spends in
 * the account limits on PostgreSQL — admit (concurrency lease, requests and tokens per minute) plus release
 * (lease back, tokens charged) — from two "nodes" (two pools) with {@code finassist.bench.threads} callers each,
 * against the in-memory backend. Figures go to bench/results/limits-latest.md.
 */
class LimitsBenchmarkIT {

    private static final int CALLS = Integer.getInteger("finassist.bench.calls", 2000);
    private static final int THREADS = Integer.getInteger("finassist.bench.threads", 4);

    @Test
    void accountLimitCostPerCall() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("finassist.bench"), "benchmark: run bench/limits.sh");
        LimitsPg.resetSchemaOrSkip();
        RouterProperties.Account account = new RouterProperties.Account(1_000_000, 1_000_000_000, 1_000_000_000L,
                null, null);
        StringBuilder md = new StringBuilder("# Account limits: time per provider call (admit + release)\n\n")
                .append("Calls: ").append(CALLS).append(" per node, ").append(THREADS)
                .append(" threads per node, all three limits set (concurrency, RPM, TPM).\n\n")
                .append("| backend | p50 µs | p99 µs | mean µs |\n|---|---|---|---|\n");
        try (HikariDataSource a = LimitsPg.dataSource(); HikariDataSource b = LimitsPg.dataSource()) {
            AccountLimits onA = TwoNodes.accounts(LimitsPg.node(a, Clock.systemUTC(), "a"), "p", account, Duration.ZERO);
            AccountLimits onB = TwoNodes.accounts(LimitsPg.node(b, Clock.systemUTC(), "b"), "p", account, Duration.ZERO);
            run(List.of(onA, onB), 200);
            md.append(row("PostgreSQL, 2 nodes", run(List.of(onA, onB), CALLS)));
        }
        AccountLimits memory = TwoNodes.accounts(new InMemorySharedLimits(Clock.systemUTC()), "p", account,
                Duration.ZERO);
        run(List.of(memory), 2000);
        md.append(row("memory, 1 node", run(List.of(memory, memory), CALLS)));
        Path out = Path.of("../bench/results/limits-latest.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println(md);
    }

    private static long[] run(List<AccountLimits> nodes, int callsPerNode) throws Exception {
        List<Long> micros = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS * nodes.size());
        try {
            List<Future<?>> work = new ArrayList<>();
            for (AccountLimits node : nodes) {
                for (int t = 0; t < THREADS; t++) {
                    work.add(pool.submit(() -> {
                        for (int i = 0; i < callsPerNode / THREADS; i++) {
                            long t0 = System.nanoTime();
                            AccountLimits.Permit p = node.admit("p", false, Duration.ofSeconds(30));
                            p.release(1500);
                            micros.add((System.nanoTime() - t0) / 1000);
                        }
                    }));
                }
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted;
    }

    private static String row(String name, long[] sorted) {
        return "| " + name + " | " + sorted[sorted.length / 2] + " | " + sorted[(int) (sorted.length * 0.99)] + " | "
                + (long) Arrays.stream(sorted).average().orElse(0) + " |\n";
    }
}
