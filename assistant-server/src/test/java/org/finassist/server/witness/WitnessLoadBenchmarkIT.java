package org.finassist.server.witness;

import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.protocol.Outcome;
import org.finassist.dh.protocol.ServerFrame;
import org.finassist.dh.session.WitnessEngine;
import org.finassist.dh.simulator.Persona;
import org.finassist.dh.simulator.SimulatedCustomer;
import org.finassist.dh.simulator.SimulatedRuntime;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load benchmark, run by bench/witness-load.sh (skipped unless -Dfinassist.bench=true): R simulated runtimes × S
 * sessions each on loopback against PostgreSQL, cooperative customers waiting 0.5–1× think-ms before each
 * answer (default 3–6 s: in a real witness the digital human first speaks the question for several seconds).
 * Reports server-side turn latency (asr.final in → next speak handed to the socket) and heap per live
 * session, to bench/results/witness-load.txt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WitnessLoadBenchmarkIT {

    private static final int RUNTIMES = Integer.getInteger("finassist.bench.runtimes", 10);
    private static final int SESSIONS = Integer.getInteger("finassist.bench.sessions", 100);
    private static final long THINK_MS = Long.getLong("finassist.bench.think-ms", 6000);
    private static final long RAMP_MS = Long.getLong("finassist.bench.ramp-ms", 10000);

    @LocalServerPort
    int port;
    @Autowired
    WitnessEngine engine;
    @Autowired
    TurnLatency latency;

    @BeforeAll
    static void enabled() {
        Assumptions.assumeTrue(Boolean.getBoolean("finassist.bench"), "benchmark: run bench/witness-load.sh");
        WitnessPg.resetSchemaOrSkip();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        WitnessPg.properties().forEach((k, v) -> registry.add(k, () -> v));
        for (int r = 0; r < RUNTIMES; r++) {
            String id = "bench-" + r;
            registry.add("finassist.digital-human-adapter.runtime-tokens." + id, () -> "token-" + id);
        }
        registry.add("logging.level.org.finassist", () -> "WARN");
    }

    @Test
    void thousandConcurrentSessions() throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
        List<SimulatedRuntime> runtimes = new ArrayList<>();
        List<SimulatedCustomer> customers = new ArrayList<>();
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws/runtime");
        usedHeapAfterGc();
        latency.reset();
        String loadBefore = loadAverage();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger peakLive = new java.util.concurrent.atomic.AtomicInteger();
        var sampler = scheduler.scheduleAtFixedRate(() -> peakLive.accumulateAndGet(engine.liveCount(), Math::max),
                0, 100, TimeUnit.MILLISECONDS);
        for (int r = 0; r < RUNTIMES; r++) {
            SimulatedRuntime rt = new SimulatedRuntime(uri, "bench-" + r, "token-bench-" + r, SESSIONS,
                    Duration.ofMillis(THINK_MS), scheduler);
            rt.recordFrames(false);
            assertThat(rt.connect()).isInstanceOf(ServerFrame.Welcome.class);
            runtimes.add(rt);
        }
        for (int s = 0; s < SESSIONS; s++) {
            for (int r = 0; r < RUNTIMES; r++) {
                int n = s * RUNTIMES + r;
                SimulatedCustomer c = new SimulatedCustomer("bench-" + r + "-" + s, applicant(n), Persona.COOPERATIVE);
                customers.add(c);
                runtimes.get(r).join(c);
            }
            Thread.sleep(RAMP_MS / SESSIONS);
        }
        int total = RUNTIMES * SESSIONS;
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (SimulatedCustomer c : customers) {
            outcomes.merge(c.outcome().get(300, TimeUnit.SECONDS), 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.cancel(false);
        int liveAtPeak = peakLive.get();
        double cpuMs = (processCpuNanos() - cpuBefore) / 1e6;
        String loadAfter = loadAverage();
        long turns = latency.count();
        double p50 = latency.quantileMillis(0.5);
        double p90 = latency.quantileMillis(0.9);
        double p99 = latency.quantileMillis(0.99);
        double max = latency.quantileMillis(1.0);

        // memory phase, apart from the latency run (its forced GCs would stall the server): as many sessions
        // again, each escalated after four answers and waiting for a supervisor, then heap after GC
        long heapIdle = usedHeapAfterGc();
        List<SimulatedRuntime> idleRuntimes = new ArrayList<>();
        for (int r = 0; r < RUNTIMES; r++) {
            SimulatedRuntime rt = new SimulatedRuntime(uri, "bench-" + r, "token-bench-" + r, SESSIONS,
                    Duration.ZERO, scheduler);
            rt.recordFrames(false);
            rt.connect();
            idleRuntimes.add(rt);
        }
        for (int s = 0; s < SESSIONS; s++) {
            for (int r = 0; r < RUNTIMES; r++) {
                int n = total + s * RUNTIMES + r;
                idleRuntimes.get(r).join(new SimulatedCustomer("mem-" + r + "-" + s, applicant(n), Persona.REFUSING));
            }
        }
        long memDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (latency.count() < turns + 4L * total && System.nanoTime() < memDeadline) {
            Thread.sleep(50);
        }
        int liveIdle = engine.liveCount();
        long heapLive = usedHeapAfterGc();
        runtimes.forEach(SimulatedRuntime::close);
        idleRuntimes.forEach(SimulatedRuntime::close);
        scheduler.shutdownNow();

        String report = String.format(Locale.ROOT, """
                witness load benchmark (%s)
                runtimes=%d sessions/runtime=%d think=%d ms (uniform %d..%d) joins ramped over %d ms db=PostgreSQL cpus=%d
                sessions=%d outcomes=%s wall=%.1f s turns=%d (%.0f turns/s)
                turn latency (asr.final in -> next speak out, server side): p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms
                peak live sessions during the run: %d
                heap after GC: %.1f MiB idle, %.1f MiB with %d live sessions (each escalated after 4 answers) -> %.1f KiB per live session (incl. simulator side)
                JVM CPU (server + simulated runtimes, excl. PostgreSQL): %.0f ms total, %.2f ms per turn
                machine load average (1/5/15 min) before: %s, after: %s
                """, java.time.Instant.now(), RUNTIMES, SESSIONS, THINK_MS, THINK_MS / 2, THINK_MS, RAMP_MS,
                Runtime.getRuntime().availableProcessors(), total, outcomes, seconds, turns,
                turns / seconds, p50, p90, p99, max, liveAtPeak, heapIdle / 1048576.0, heapLive / 1048576.0, liveIdle,
                (heapLive - heapIdle) / 1024.0 / Math.max(1, liveIdle), cpuMs, cpuMs / Math.max(1, turns), loadBefore,
                loadAfter);
        System.out.println(report);
        Path out = Path.of("..", "bench", "results", "witness-load.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(outcomes).containsEntry(Outcome.PASSED, total);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static Applicant applicant(int n) {
        String[] names = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄涛"};
        return new Applicant("BENCH-" + n, names[n % names.length], String.format("1101011990%08d", n), "示例证券",
                "普通证券账户");
    }
}
