package org.finassist.server.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.finassist.core.fake.FakeUpstream;
import org.finassist.core.fake.Script;
import org.finassist.server.FinAssistApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gateway benchmark (not a test): the same non-streaming chat request sent straight to the fake upstream and
 * through the gateway, at 1, 64 and 512 concurrent clients, in one run. Reports throughput, latency p50/p99, the
 * latency the gateway adds, and the gateway's internal overhead (its time minus upstream time) p50/p99.
 * Run with {@code bench/gateway.sh}; settings: -Dbench.seconds (default 10), -Dbench.warmup (default 3),
 * -Dbench.levels (default 1,64,512).
 */
public final class GatewayBenchmark {

    private static final String BODY = "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"股票交易时间是几点？\"}]}";

    /** Error kinds seen by the load generator, printed at the end so a failing level can be diagnosed. */
    private static final Map<String, Long> KINDS = new java.util.concurrent.ConcurrentHashMap<>();

    record Result(String target, int concurrency, double rps, double p50us, double p99us, long errors) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 10);
        int warmup = Integer.getInteger("bench.warmup", 3);
        int[] levels = Arrays.stream(System.getProperty("bench.levels", "1,64,512").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        try (FakeUpstream fake = FakeUpstream.start("deepseek")) {
            fake.keepBodies(false).always(Script.ok("A股交易时间为9:30-11:30、13:00-15:00。").withUsage(30, 20, 10));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            StringBuilder report = new StringBuilder();
            report.append("| clients | direct rps | direct p50 µs | direct p99 µs | gateway rps | gateway p50 µs | gateway p99 µs "
                    + "| added p50 µs | added p99 µs | internal p50 µs | internal p99 µs | errors |\n");
            report.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (int level : levels) {
                URI direct = URI.create(fake.baseUrl() + "/chat/completions");
                load(client, direct, String.format(BODY, "chat-upstream"), level, warmup);
                Result d = load(client, direct, String.format(BODY, "chat-upstream"), level, seconds);
                try (ConfigurableApplicationContext app = startGateway(fake, level)) {
                    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                    URI gw = URI.create("http://127.0.0.1:" + port + "/v1/chat/completions");
                    load(client, gw, String.format(BODY, "bench:chat"), level, warmup);
                    Timer overhead = app.getBean(MeterRegistry.class).get("finassist.gateway.overhead").timer();
                    Result g = load(client, gw, String.format(BODY, "bench:chat"), level, seconds);
                    double[] internal = percentiles(overhead);
                    report.append(String.format("| %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %d |%n",
                            level, d.rps, d.p50us, d.p99us, g.rps, g.p50us, g.p99us, g.p50us - d.p50us,
                            g.p99us - d.p99us, internal[0], internal[1], d.errors + g.errors));
                    System.out.println(report);
                }
            }
            String header = "Gateway benchmark " + LocalDateTime.now() + " — " + Runtime.getRuntime().availableProcessors()
                    + " CPUs, Java " + Runtime.version() + ", " + seconds + " s per level after " + warmup + " s warm-up\n\n";
            Path out = Path.of(System.getProperty("bench.out", "../bench/results/gateway-latest.md"));
            Files.createDirectories(out.getParent());
            Files.writeString(out, header + report);
            System.out.println(header + report);
            System.out.println("written to " + out.toAbsolutePath().normalize());
            System.out.println("errors by kind: " + KINDS);
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext startGateway(FakeUpstream fake, int level) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", "0");

        p.put("spring.datasource.url", "jdbc:h2:mem:bench" + level + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        p.put("logging.level.root", "WARN");
        p.put("finassist.router.providers.bench.flavor", "deepseek");
        p.put("finassist.router.providers.bench.base-url", fake.baseUrl().toString());
        p.put("finassist.router.providers.bench.api-key", "bench");
        p.put("finassist.router.providers.bench.max-concurrency", "2048");
        p.put("finassist.router.providers.bench.models.chat.upstream", "chat-upstream");
        // command-line arguments, because lists from application.yml would win over default properties
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplication(FinAssistApplication.class).run(args);
    }

    /** Closed-loop load: {@code concurrency} virtual threads send requests back to back for {@code seconds}. */
    private static Result load(HttpClient client, URI uri, String body, int concurrency, int seconds) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ConcurrentLinkedQueue<long[]> all = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        long s = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() != 200) {
                                errors.incrementAndGet();
                                KINDS.merge("HTTP " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8)
                                        .replaceAll("\\s+", " ").substring(0, Math.min(120, r.body().length)), 1L, Long::sum);
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            KINDS.merge((uri.getPath().startsWith("/v1") ? "gateway " : "direct ") + concurrency + " "
                                    + e.getClass().getSimpleName() + ": " + e.getMessage(), 1L, Long::sum);
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
        return new Result(uri.toString(), concurrency, lat.length / elapsed, pct(lat, 0.50) / 1e3, pct(lat, 0.99) / 1e3,
                errors.get());
    }

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static double[] percentiles(Timer timer) {
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        for (ValueAtPercentile v : timer.takeSnapshot().percentileValues()) {
            if (v.percentile() == 0.5) {
                p50 = v.value(TimeUnit.MICROSECONDS);
            } else if (v.percentile() == 0.99) {
                p99 = v.value(TimeUnit.MICROSECONDS);
            }
        }
        return new double[]{p50, p99};
    }
}
