package org.finassist.server.bench;

import org.finassist.core.fake.FakeUpstream;
import org.finassist.core.fake.Script;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Interleaved A/B of two gateway builds (not a test; {@code bench/gateway-ab.sh}). On a machine whose speed drifts
 * from minute to minute, two separate runs of {@link GatewayBenchmark} cannot tell a 5 % change from noise: here both
 * builds run side by side against one scripted upstream, are warmed alike, and short windows alternate A, B, B, A, …
 * at one level, so a slowdown of the machine hits both builds of a round. Prints each round's gateway CPU per request
 * and B/A, then the medians.
 */
public final class GatewayAbBenchmark {

    private static final String BODY = String.format(GatewayBenchmark.BODY, "bench:chat");
    private static final int PORT_A = 18301;
    private static final int PORT_B = 18302;

    private GatewayAbBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String cpA = Files.readString(Path.of(System.getProperty("ab.cpA"))).trim();
        String cpB = Files.readString(Path.of(System.getProperty("ab.cpB"))).trim();
        int level = Integer.getInteger("ab.level", 64);
        int rounds = Integer.getInteger("ab.rounds", 8);
        int seconds = Integer.getInteger("ab.seconds", 5);
        String jvmA = System.getProperty("ab.jvmA");
        String jvmB = System.getProperty("ab.jvmB", jvmA);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        try (FakeUpstream fake = FakeUpstream.start("deepseek")) {
            fake.keepBodies(false).always(Script.ok("A股交易时间为9:30-11:30、13:00-15:00。").withUsage(30, 20, 10));
            Process a = start(fake, PORT_A, jvmA, cpA);
            Process b = start(fake, PORT_B, jvmB, cpB);
            try {
                awaitUp(client, PORT_A);
                awaitUp(client, PORT_B);
                for (int i = 0; i < 6; i++) { // the JIT, alike for both
                    load(client, PORT_A, 64, 8);
                    load(client, PORT_B, 64, 8);
                }
                List<Double> as = new ArrayList<>();
                List<Double> bs = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    boolean aFirst = r % 2 == 0;
                    double[] pair = new double[2];
                    for (int k = 0; k < 2; k++) {
                        boolean isA = (k == 0) == aFirst;
                        pair[isA ? 0 : 1] = window(client, isA ? a : b, isA ? PORT_A : PORT_B, level, seconds);
                    }
                    as.add(pair[0]);
                    bs.add(pair[1]);
                    System.out.printf("round %d: A %.0f B %.0f µs/request, B/A %.3f%n", r, pair[0], pair[1],
                            pair[1] / pair[0]);
                }
                System.out.printf("%d clients: median A %.0f B %.0f µs/request, B/A %.3f; B lower in %d of %d rounds%n",
                        level, median(as), median(bs), median(bs) / median(as), lower(as, bs), rounds);
            } finally {
                a.destroy();
                b.destroy();
            }
        }
        System.exit(0);
    }

    private static double window(HttpClient client, Process p, int port, int level, int seconds) throws Exception {
        load(client, port, level, 1);
        long c0 = GatewayBenchmark.cpuMicros(p);
        long n = load(client, port, level, seconds);
        return (GatewayBenchmark.cpuMicros(p) - c0) / (double) Math.max(1, n);
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static int lower(List<Double> as, List<Double> bs) {
        int n = 0;
        for (int i = 0; i < as.size(); i++) {
            n += bs.get(i) < as.get(i) ? 1 : 0;
        }
        return n;
    }

    /** Each build on a data directory of its own: the two run side by side. */
    private static Process start(FakeUpstream fake, int port, String jvm, String classpath) throws Exception {
        Path data = Files.createTempDirectory("gateway-ab-" + port);
        return GatewayBenchmark.startGateway(fake, port, jvm, classpath, "--finassist.data-dir=" + data);
    }

    private static void awaitUp(HttpClient client, int port) throws InterruptedException {
        GatewayBenchmark.awaitUp(client, URI.create("http://127.0.0.1:" + port + "/actuator/health"));
    }

    /** Closed-loop load; a non-200 or a local-model answer makes the comparison invalid, so it stops the run. */
    private static long load(HttpClient client, int port, int concurrency, int seconds) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY, StandardCharsets.UTF_8)).build();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong done = new AtomicLong();
        AtomicLong bad = new AtomicLong();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200 || r.body().contains("\"provider\":\"local\"")) {
                                bad.incrementAndGet();
                            }
                        } catch (java.io.IOException e) {
                            bad.incrementAndGet();
                        }
                        done.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        if (bad.get() > 0) {
            throw new IllegalStateException(bad.get() + " failed or local answers from the gateway on port " + port);
        }
        return done.get();
    }
}
