package org.finassist.server.bench;

import org.finassist.core.fake.FakeUpstream;
import org.finassist.core.fake.Script;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gateway benchmark (not a test). One run, at 1, 64 and 512 concurrent clients, sends the same non-streaming chat
 * request to the scripted upstream directly, through a minimal Node keep-alive proxy ({@code bench/proxy.mjs}) and
 * through the gateway, each of the latter two in its own process so their CPU time per request and (for the
 * gateway) resident memory can be read from {@code /proc}. Errors are labelled by the URI that failed. An answer
 * from the local model means the gateway did not reach the upstream, so the run is reported INVALID.
 * The proxy and the gateway are first warmed, the gateway at every level until its JIT compiler has settled, so its
 * CPU per request is that of compiled code (the JIT's share in each measured window is still reported, and
 * included in the CPU figures); the load average of the machine (shared, noisy) is
 * reported at the start and the end, and the gateway and the proxy are always measured in the same run.
 * Settings: -Dbench.seconds (10), -Dbench.warmup (3), -Dbench.jitWarmup (20; minimum seconds),
 * -Dbench.jitWarmupMax (180), -Dbench.levels (1,64,512),
 * -Dbench.gatewayJvm (JVM options of the gateway process; default: those of scripts/run.sh).
 */
public final class GatewayBenchmark {

    /** The request every benchmark client sends; {@code %s} is the model. */
    static final String BODY = "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"股票交易时间是几点？\"}]}";
    private static final Map<String, Long> ERRORS = new ConcurrentHashMap<>();
    private static volatile int proxyPort;
    private static volatile String jitWarmupReport = "no JIT warm-up";

    record Result(long requests, double rps, double p50us, double p99us, long errors, long localAnswers) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 10);
        int warmup = Integer.getInteger("bench.warmup", 3);
        int jitWarmup = Integer.getInteger("bench.jitWarmup", 20);
        int[] levels = Arrays.stream(System.getProperty("bench.levels", "1,64,512").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        String jvm = System.getProperty("bench.gatewayJvm", "-XX:+UseSerialGC -Xmx256m -Xss512k"
                + " -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m");
        try (FakeUpstream fake = FakeUpstream.start("deepseek")) {
            fake.keepBodies(false).always(Script.ok("A股交易时间为9:30-11:30、13:00-15:00。").withUsage(30, 20, 10));
            int gwPort = freePort();
            proxyPort = freePort();
            Process gateway = startGateway(fake, gwPort, jvm, System.getProperty("java.class.path"));
            Process proxy = new ProcessBuilder("node", "bench/proxy.mjs", String.valueOf(proxyPort),
                    fake.baseUrl().toString()).directory(Path.of("..").toFile()).inheritIO().start();
            try {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
                awaitUp(client, URI.create("http://127.0.0.1:" + gwPort + "/actuator/health"));
                awaitUp(client, URI.create("http://127.0.0.1:" + proxyPort + "/v1/models"));
                String loadBefore = loadAverage();
                warmUp(client, gateway, gwPort, jitWarmup, levels);
                String report = run(client, fake, gwPort, proxyPort, gateway, proxy, levels, seconds, warmup, jvm)
                        .replace("%JIT%", jitWarmupReport).replace("%LOAD%", loadBefore + " at the start, " + loadAverage() + " at the end");
                Path out = Path.of(System.getProperty("bench.out", "../bench/results/gateway-latest.md"));
                Files.createDirectories(out.getParent());
                Files.writeString(out, report);
                System.out.println(report);
                System.out.println("written to " + out.toAbsolutePath().normalize());
            } finally {
                gateway.destroy();
                proxy.destroy();
                gateway.waitFor(10, TimeUnit.SECONDS);
            }
        }
        System.exit(0);
    }

    /**
     * JIT warm-up (not measured): the proxy for {@code seconds}, then the gateway in rounds of 5 s at each level
     * until its JIT compiler threads used less than 5 % of its CPU in a round, or {@code bench.jitWarmupMax} seconds. On
     * a loaded 2-core machine C2 keeps compiling for minutes, and its CPU is not a cost per request.
     */
    private static void warmUp(HttpClient client, Process gateway, int gwPort, int seconds, int[] levels)
            throws Exception {
        if (seconds <= 0) {
            return;
        }
        load(client, URI.create("http://127.0.0.1:" + proxyPort + "/v1/chat/completions"), String.format(BODY,
                "chat-upstream"), 64, seconds, false);
        URI uri = URI.create("http://127.0.0.1:" + gwPort + "/v1/chat/completions");
        long max = Long.getLong("bench.jitWarmupMax", 180);
        long start = System.nanoTime();
        while (true) {
            long[] c0 = cpuTicks(gateway);
            for (int level : levels) {
                load(client, uri, String.format(BODY, "bench:chat"), level, 5, false);
            }
            long[] c1 = cpuTicks(gateway);
            double jitShare = (c1[1] - c0[1]) / (double) Math.max(1, c1[0] - c0[0]);
            long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            System.out.printf("JIT warm-up: %d s, compiler threads %.0f%% of the gateway's CPU%n", waited,
                    100 * jitShare);
            if ((waited >= seconds && jitShare < 0.05) || waited >= max) {
                jitWarmupReport = String.format("JIT warm-up %d s (compiler threads %.0f%% of the gateway's CPU in"
                        + " its last round)", waited, 100 * jitShare);
                return;
            }
        }
    }

    /**
     * CPU clock ticks of a process from /proc: the whole process (ended threads included), and its JIT compiler
     * threads ("C1/C2 CompilerThre…"). Zero where there is no /proc.
     */
    private static long[] cpuTicks(Process p) {
        long all = 0;
        long jit = 0;
        try (var tasks = Files.list(Path.of("/proc/" + p.pid() + "/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                    all += ticks;
                    if (comm.contains("CompilerThre")) {
                        jit += ticks;
                    }
                } catch (IOException | RuntimeException threadGone) {
                    // a thread that ended between the listing and the read
                }
            }
            // the process's own total keeps the time of threads that ended (idle pool threads do), the sum does not
            String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            all = Math.max(all, Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
        return new long[] {all, jit};
    }

    /** The 1-, 5- and 15-minute load averages, from /proc. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load average " + f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException e) {
            return "load average unknown";
        }
    }

    private static String run(HttpClient client, FakeUpstream fake, int gwPort, int proxyPort, Process gateway,
                              Process proxy, int[] levels, int seconds, int warmup, String jvm) throws Exception {
        URI direct = URI.create(fake.baseUrl() + "/chat/completions");
        URI viaProxy = URI.create("http://127.0.0.1:" + proxyPort + "/v1/chat/completions");
        URI viaGateway = URI.create("http://127.0.0.1:" + gwPort + "/v1/chat/completions");
        String upstreamBody = String.format(BODY, "chat-upstream");
        String gatewayBody = String.format(BODY, "bench:chat");
        StringBuilder table = new StringBuilder("| clients | direct rps | direct p50 µs | proxy rps | proxy p50 µs "
                + "| proxy CPU µs/req | gateway rps | gateway p50 µs | gateway p99 µs | added p50 µs vs proxy "
                + "| gateway CPU µs/req | of which JIT % | of which idle µs | CPU gateway/proxy | same, net of idle | gateway peak RSS MiB "
                + "| errors | local answers |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<String> verdicts = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        long totalLocal = 0;
        // CPU the processes use with no request at all (timers, pollers, the JVM's housekeeping): reported, and
        // its share of each measured window shown separately so a 1-client level is not read as per-request cost
        double gatewayIdle = idleCpuPerSecond(gateway);
        double proxyIdle = idleCpuPerSecond(proxy);
        for (int level : levels) {
            load(client, direct, upstreamBody, level, warmup, false);
            Result d = load(client, direct, upstreamBody, level, seconds, true);
            load(client, viaProxy, upstreamBody, level, warmup, false);
            long p0 = cpuMicros(proxy);
            Map<String, ThreadCpu.Counters> pt0 = ThreadCpu.snapshot(proxy.pid());
            Result p = load(client, viaProxy, upstreamBody, level, seconds, true);
            Map<String, ThreadCpu.Counters> pt1 = ThreadCpu.snapshot(proxy.pid());
            double proxyCpu = (cpuMicros(proxy) - p0) / (double) Math.max(1, p.requests);
            double proxyIdleShare = proxyIdle / Math.max(1, p.rps);
            load(client, viaGateway, gatewayBody, level, warmup, false);
            long g0 = cpuMicros(gateway);
            long[] t0 = cpuTicks(gateway);
            Map<String, ThreadCpu.Counters> gt0 = ThreadCpu.snapshot(gateway.pid());
            Result g = load(client, viaGateway, gatewayBody, level, seconds, true);
            Map<String, ThreadCpu.Counters> gt1 = ThreadCpu.snapshot(gateway.pid());
            threads.add(String.format("- %d clients: gateway %s%n  proxy %s", level,
                    ThreadCpu.perRequest(gt0, gt1, g.requests, 8), ThreadCpu.perRequest(pt0, pt1, p.requests, 3)));
            double gatewayCpu = (cpuMicros(gateway) - g0) / (double) Math.max(1, g.requests);
            double gatewayIdleShare = gatewayIdle / Math.max(1, g.rps);
            double netRatio = (gatewayCpu - gatewayIdleShare) / Math.max(1, proxyCpu - proxyIdleShare);
            long[] t1 = cpuTicks(gateway);
            double jitShare = 100.0 * (t1[1] - t0[1]) / Math.max(1, t1[0] - t0[0]);
            long rssMiB = peakRssKb(gateway) / 1024;
            long errors = d.errors + p.errors + g.errors;
            totalLocal += g.localAnswers;
            table.append(String.format("| %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f "
                            + "| %.0f | %.2f | %.2f | %d | %d | %d |%n", level, d.rps, d.p50us, p.rps, p.p50us, proxyCpu,
                    g.rps, g.p50us, g.p99us, g.p50us - p.p50us, gatewayCpu, jitShare, gatewayIdleShare,
                    gatewayCpu / proxyCpu, netRatio, rssMiB, errors, g.localAnswers));
            verdicts.add(String.format("%d clients: CPU %.2f× the proxy's (target ≤ 1.5: %s; %.2f× net of idle CPU),"
                            + " errors %d, peak RSS %d MiB (target ≤ 512: %s)", level, gatewayCpu / proxyCpu,
                    gatewayCpu / proxyCpu <= 1.5 ? "met" : "NOT met", netRatio, errors, rssMiB,
                    rssMiB <= 512 ? "met" : "NOT met"));
            System.out.println(table);
        }
        String header = "Gateway benchmark " + LocalDateTime.now() + " — " + Runtime.getRuntime().availableProcessors()
                + " CPUs, Java " + Runtime.version() + ", " + seconds + " s per target and level after " + warmup
                + " s warm-up per level; %JIT%; %LOAD%; CPU with no requests: gateway "
                + String.format("%.1f ms/s, proxy %.1f ms/s", gatewayIdle / 1000, proxyIdle / 1000) + "; gateway JVM: " + jvm + ", MALLOC_ARENA_MAX="
                + System.getenv().getOrDefault("MALLOC_ARENA_MAX", "unset") + "\n\n";
        String validity = totalLocal > 0 ? "\n**INVALID RUN: " + totalLocal + " gateway answers came from the local"
                + " model, so the gateway did not measure the upstream path.**\n" : "\nValid run: no local-model answers.\n";
        return header + table + validity + "\n" + String.join("\n", verdicts) + "\n\nErrors by URI: " + new TreeMap<>(ERRORS)
                + "\n\nPer request in each measured window, threads grouped by name (CPU, of which system time, and"
                + " context switches; threads that ended in the window are missing):\n" + String.join("\n", threads)
                + "\n";
    }

    /**
     * A gateway as a process of its own: {@code jvm} its JVM options, {@code classpath} its build, {@code extraArgs}
     * further Spring arguments (e.g. a data directory of its own when two run side by side).
     */
    static Process startGateway(FakeUpstream fake, int port, String jvm, String classpath, String... extraArgs)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector", "-Dfile.encoding=UTF-8"));
        cmd.addAll(Arrays.asList(jvm.trim().split("\\s+")));
        cmd.addAll(List.of("-cp", classpath, "org.finassist.server.FinAssistApplication",
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "--logging.level.root=WARN",
                "--finassist.router.providers.bench.flavor=deepseek",
                "--finassist.router.providers.bench.base-url=" + fake.baseUrl(),
                "--finassist.router.providers.bench.api-key=bench",
                "--finassist.router.providers.bench.max-concurrency=2048",
                "--finassist.router.providers.bench.models.chat.upstream=chat-upstream"));
        cmd.addAll(Arrays.asList(extraArgs));
        return new ProcessBuilder(cmd).inheritIO().start();
    }

    static void awaitUp(HttpClient client, URI uri) throws InterruptedException {
        for (int i = 0; i < 720; i++) { // up to 6 min: a loaded machine starts the server slowly
            try {
                if (client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(uri + " did not come up");
    }

    /** Closed-loop load: {@code concurrency} virtual threads send requests back to back for {@code seconds}. */
    private static Result load(HttpClient client, URI uri, String body, int concurrency, int seconds, boolean measured)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ConcurrentLinkedQueue<long[]> all = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong local = new AtomicLong();
        String label = (uri.getPath().startsWith("/v1") ? uri.getPort() == proxyPort ? "proxy " : "gateway " : "direct ")
                + uri.getHost() + ":" + uri.getPort() + uri.getPath() + " @" + concurrency + (measured ? "" : " (warm-up)");
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        long s = System.nanoTime();
                        try {
                            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) {
                                errors.incrementAndGet();
                                ERRORS.merge(label + " HTTP " + r.statusCode(), 1L, Long::sum);
                            } else if (r.body().contains("\"provider\":\"local\"")) {
                                local.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            ERRORS.merge(label + " " + e.getClass().getSimpleName() + ": " + e.getMessage(), 1L,
                                    Long::sum);
                        }
                        mine.add(System.nanoTime() - s);
                    }
                    all.add(mine.stream().mapToLong(Long::longValue).toArray());
                    return null;
                });
            }
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] lat = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(lat.length, lat.length / elapsed, pct(lat, 0.50) / 1e3, pct(lat, 0.99) / 1e3, errors.get(),
                local.get());
    }

    /** CPU µs per second of a process left without requests for 5 s (after its warm-up). */
    private static double idleCpuPerSecond(Process p) throws InterruptedException {
        long c0 = cpuMicros(p);
        long t0 = System.nanoTime();
        Thread.sleep(5000);
        return (cpuMicros(p) - c0) / ((System.nanoTime() - t0) / 1e9);
    }

    static long cpuMicros(Process p) {
        return p.info().totalCpuDuration().map(d -> d.toNanos() / 1000).orElse(0L);
    }

    /** Peak resident set (VmHWM) of a process in KiB, from /proc; 0 where there is no /proc. */
    private static long peakRssKb(Process p) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
