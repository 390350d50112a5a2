package org.finassist.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Commentary batch benchmark (not a test). An in-process server on a file H2 database writes {@code bench.articles}
 * recaps over a synthetic universe through the fake upstream answering after {@code bench.latencyMs} with a
 * provider limit of {@code bench.limit}: articles/s against the ceiling limit / latency; and customer chat latency
 * (sequential gateway requests to the same provider) idle and while the batch runs. Then the same batch with the
 * {@code local} model only (CPU-bound). Run with {@code bench/commentary.sh}.
 */
public final class CommentaryBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWER = "当日个股行情整体平稳，详情请以系统数据为准。";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    record Batch(int articles, double seconds, double planSeconds, int done, int failed, int rejected, int workers) {
        double rate() {
            return articles / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int articles = Integer.getInteger("bench.articles", 5000);
        int latencyMs = Integer.getInteger("bench.latencyMs", 800);
        int limit = Integer.getInteger("bench.limit", 64);
        int chatSamples = Integer.getInteger("bench.chatSamples", 15);
        StringBuilder report = new StringBuilder("Commentary benchmark " + LocalDateTime.now() + " — "
                + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + Runtime.version() + "\n\n");
        try (FakeUpstream fake = FakeUpstream.start("deepseek")) {
            fake.keepBodies(false).always(Script.ok(ANSWER).withHeaderDelay(Duration.ofMillis(latencyMs)).withUsage(400, 60, 0));
            Path dir = Files.createTempDirectory("commentary-bench");
            try (ConfigurableApplicationContext app = start(dir.resolve("fake"), fake, limit, articles, false)) {
                String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
                List<Long> idle = chat(base, chatSamples);
                List<Long> busy = new CopyOnWriteArrayList<>();
                AtomicBoolean running = new AtomicBoolean(true);
                Thread chatter = Thread.ofVirtual().start(() -> {
                    sleep(5_000); // past planning and the batch's ramp-up
                    while (running.get()) {
                        busy.add(chatOnce(base));
                    }
                });
                // what CommentaryConfiguration derives: the provider limit less the chat reserve (5%, at least 1)
                Batch b = batch(base, "2024-09-19", limit - Math.max(1, (int) Math.ceil(limit * 0.05)));
                running.set(false);
                chatter.join();
                double ceiling = limit * 1000.0 / latencyMs;
                report.append(String.format("Fake upstream, %d ms latency, provider limit %d, %d batch workers (the rest "
                                + "kept for chat): %d articles (%d done, %d failed, %d rejected) in %.1f s after %.1f s "
                                + "planning = **%.1f articles/s**, %.0f%% of the %.0f/s ceiling (limit / latency)%n%n",
                        latencyMs, limit, b.workers(), b.articles(), b.done(), b.failed(), b.rejected(), b.seconds(),
                        b.planSeconds(), b.rate(), 100 * b.rate() / ceiling, ceiling));
                report.append(String.format("Customer chat (gateway, same provider, sequential): idle p50 %d ms / p95 %d "
                                + "ms (%d requests); during the batch p50 %d ms / p95 %d ms (%d requests): p50 %+.1f%%%n%n",
                        pct(idle, 50), pct(idle, 95), idle.size(), pct(busy, 50), pct(busy, 95), busy.size(),
                        100.0 * (pct(busy, 50) - pct(idle, 50)) / pct(idle, 50)));
                System.out.println(report);
            }
            try (ConfigurableApplicationContext app = start(dir.resolve("local"), fake, limit, articles, true)) {
                String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
                Batch b = batch(base, "2024-09-19", Runtime.getRuntime().availableProcessors());
                report.append(String.format("Local model only (CPU-bound, %d workers): %d articles (%d done, %d failed, "
                                + "%d rejected) in %.1f s after %.1f s planning = **%.1f articles/s**%n", b.workers(),
                        b.articles(), b.done(), b.failed(), b.rejected(), b.seconds(), b.planSeconds(), b.rate()));
            }
        }
        System.out.println(report);
        Path out = Path.of("bench/results/commentary-latest.md");
        if (Files.isDirectory(Path.of("bench")) || Files.isDirectory(Path.of("../bench"))) {
            out = Files.isDirectory(Path.of("bench")) ? out : Path.of("../bench/results/commentary-latest.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report.toString());
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(Path dataDir, FakeUpstream fake, int limit, int articles,
                                                        boolean localOnly) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("server.port", "0");
        p.put("finassist.data-dir", dataDir.toString());
        p.put("finassist.rag.demo", "false");
        p.put("finassist.rag.index-dir", dataDir.resolve("kb").toString());
        p.put("logging.level.root", "WARN");
        p.put("finassist.content.synthetic-stocks", String.valueOf(articles + articles / 50));
        p.put("finassist.content.synthetic-names", "invented");
        String pr = "finassist.router.providers.ds.";
        p.put(pr + "flavor", "deepseek");
        p.put(pr + "base-url", fake.baseUrl().toString());
        p.put(pr + "api-key", "bench");
        p.put(pr + "max-concurrency", String.valueOf(limit));
        p.put(pr + "requests-per-minute", "0");
        p.put(pr + "models.chat.upstream", "chat-upstream");
        for (String route : List.of("general", "qa", "stock-diagnosis", "account-opening", "witness")) {
            p.put("finassist.router.routes." + route + "[0]", "ds:chat");
        }
        p.put("finassist.router.routes.commentary[0]", localOnly ? "local:grounded" : "ds:chat");
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplication(FinAssistApplication.class).run(args);
    }

    /** Starts a run of stock recaps (plus the market recap) over the universe "all" and waits for its end. */
    private static Batch batch(String base, String date, int workers) throws Exception {
        Instant asked = Instant.now();
        JsonNode run = post(base + "/api/commentary/jobs",
                "{\"date\":\"" + date + "\",\"universe\":\"all\",\"types\":[\"recap\"]}");
        String id = run.path("id").asText();
        while ("running".equals(run.path("state").asText())) {
            sleep(500);
            run = get(base + "/api/commentary/jobs/" + id);
        }
        Instant started = Instant.parse(run.path("startedAt").asText());
        Instant finished = Instant.parse(run.path("finishedAt").asText());
        return new Batch(run.path("total").asInt(), Duration.between(started, finished).toMillis() / 1000.0,
                Duration.between(asked, started).toMillis() / 1000.0, run.path("done").asInt(),
                run.path("failed").asInt(), run.path("rejected").asInt(), workers);
    }

    private static List<Long> chat(String base, int n) {
        chatOnce(base); // warm-up
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(chatOnce(base));
        }
        return out;
    }

    private static long chatOnce(String base) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"ds:chat\",\"messages\":[{\"role\":\"user\","
                            + "\"content\":\"股票交易时间是几点？\"}]}", StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !r.body().contains(ANSWER)) {
                throw new IllegalStateException("chat answered " + r.statusCode() + ": " + r.body());
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static JsonNode post(String url, String body) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static JsonNode get(String url) throws Exception {
        return JSON.readTree(CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
