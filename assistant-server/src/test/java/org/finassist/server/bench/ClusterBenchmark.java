package org.finassist.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.finassist.core.fake.FakeUpstream;
import org.finassist.core.fake.Script;
import org.finassist.server.commentary.ServerProcess;
import org.finassist.server.support.Http;
import org.finassist.server.support.TestPostgres;

import java.io.ByteArrayOutputStream;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Three server JVMs on one PostgreSQL schema ({@code cluster_bench}, pgvector) behind {@code bench/lb.mjs}
 * (round-robin, not sticky), with chat streams running through the balancer the whole time: a document uploaded
 * through the balancer is found on every node; API keys created and revoked on one node, refused on the others
 * (propagation times); the ops summary from the three nodes (same answer? per-interval values polled round-robin
 * never negative?); a commentary batch with one node killed ({@code kill -9}) mid-batch (exactly once?). Not a test:
 * run with {@code bench/cluster.sh}; the report goes to {@code bench/results/cluster-latest.md}.
 */
public final class ClusterBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "cluster_bench";
    private static final Pattern SUBJECT = Pattern.compile("（(\\d{6}\\.[A-Z]{2})）");
    private static final String ANSWER = "当日个股行情整体平稳，详情请以系统数据为准。";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        int nodes = Integer.getInteger("bench.nodes", 3);
        int chatClients = Integer.getInteger("bench.chatClients", 6);
        int keyRounds = Integer.getInteger("bench.keyRounds", 20);
        int workers = 4;
        Path lbScript = Path.of(System.getProperty("bench.lb", "../bench/lb.mjs")).toAbsolutePath();
        Path out = Path.of(System.getProperty("bench.out", "../bench/results/cluster-latest.md")).toAbsolutePath();
        StringBuilder report = new StringBuilder("Cluster benchmark " + LocalDateTime.now() + " — " + nodes
                + " nodes + bench/lb.mjs on one machine, " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                + Runtime.version() + "\n\n");
        TestPostgres.resetSchemaOrSkip(SCHEMA);
        List<ServerProcess> servers = new ArrayList<>();
        Process lb = null;
        try (FakeUpstream fake = FakeUpstream.start("deepseek")) {
            fake.always(Script.ok(ANSWER).withHeaderDelay(Duration.ofMillis(200)).withUsage(400, 60, 0));
            long t0 = System.nanoTime();
            for (int i = 0; i < nodes; i++) {
                servers.add(ServerProcess.start(Files.createTempDirectory("cluster-bench-" + i),
                        nodeArgs("node-" + (i + 1), fake, workers), "node-" + (i + 1) + ".log"));
            }
            report.append(String.format("Start-up of %d nodes one after the other (concurrent migrations on the first): "
                    + "%.0f s%n%n", nodes, (System.nanoTime() - t0) / 1e9));
            int lbPort = freePort();
            List<String> cmd = new ArrayList<>(List.of("node", lbScript.toString(), Integer.toString(lbPort)));
            servers.forEach(s -> cmd.add(s.url("")));
            lb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.resolveSibling("lb.log").toFile())
                    .start();
            String base = "http://127.0.0.1:" + lbPort;
            awaitUp(base);

            AtomicBoolean running = new AtomicBoolean(true);
            List<Long> chatMillis = new CopyOnWriteArrayList<>();
            AtomicInteger chatDone = new AtomicInteger();
            AtomicInteger chatBroken = new AtomicInteger();
            List<Thread> chatters = new ArrayList<>();
            for (int c = 0; c < chatClients; c++) {
                chatters.add(Thread.ofVirtual().start(() -> {
                    while (running.get()) {
                        long s = System.nanoTime();
                        String body = chatOnce(base);
                        if (body.contains("event: done")) {
                            chatDone.incrementAndGet();
                            chatMillis.add((System.nanoTime() - s) / 1_000_000);
                        } else {
                            chatBroken.incrementAndGet();
                        }
                    }
                }));
            }
            List<Double> negatives = new CopyOnWriteArrayList<>();
            AtomicInteger polls = new AtomicInteger();
            Thread poller = Thread.ofVirtual().start(() -> pollSummary(base, running, negatives, polls));

            report.append(knowledge(base, servers));
            report.append(keys(servers, keyRounds));
            report.append(summaries(servers));
            report.append(batch(base, servers, fake, workers));

            running.set(false);
            for (Thread t : chatters) {
                t.join();
            }
            poller.join();
            List<Long> sorted = new ArrayList<>(chatMillis);
            Collections.sort(sorted);
            report.append(String.format("Chat through the balancer during all of the above (%d clients, fake upstream "
                            + "200 ms): %d streams ended with `done`, %d without (connection cut by the kill -9), "
                            + "p50 %d ms, p95 %d ms%n%n", chatClients, chatDone.get(), chatBroken.get(),
                    pct(sorted, 50), pct(sorted, 95)));
            report.append(String.format("Ops summary polled round-robin through the balancer every 500 ms: %d polls, "
                    + "%d negative per-interval values (requests, errors, cost per provider)%n", polls.get(),
                    negatives.size()));
        } finally {
            if (lb != null) {
                lb.destroy();
            }
            for (ServerProcess s : servers) {
                s.close();
            }
        }
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    private static String knowledge(String base, List<ServerProcess> servers) throws Exception {
        check(Http.postJson(base + "/api/kb", "{\"id\":\"bench\",\"name\":\"bench\"}"), 201);
        long start = System.nanoTime();
        HttpResponse<String> up = Http.post(base + "/api/kb/bench/documents", "multipart/form-data; boundary=bench",
                multipart("margin.md", "# 融资融券\n\n维持担保比例低于130%时，证券公司将通知客户追加担保物。\n"));
        check(up, 202);
        String job = read(up.body()).path("jobId").asText();
        String state = "";
        while (!state.equals("DONE") && !state.equals("FAILED")) {
            sleep(100);
            state = read(Http.get(base + "/api/kb/jobs/" + job).body()).path("state").asText();
        }
        double ingest = (System.nanoTime() - start) / 1e6;
        int found = 0;
        for (ServerProcess s : servers) {
            JsonNode r = read(Http.postJson(s.url("/api/kb/bench/search"), "{\"query\":\"维持担保比例\"}").body());
            if ("margin.md".equals(r.path("passages").path(0).path("docId").asText())) {
                found++;
            }
        }
        return String.format("Knowledge: a document uploaded and its job polled through the balancer (job %s after "
                + "%.0f ms); then searched on each node directly: found on **%d of %d** nodes%n%n", state, ingest, found,
                servers.size());
    }

    private static String keys(List<ServerProcess> servers, int rounds) {
        List<Long> created = new ArrayList<>();
        List<Long> revoked = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            ServerProcess on = servers.get(r % servers.size());
            JsonNode key = read(Http.postJson(on.url("/admin/api-keys"),
                    "{\"name\":\"bench-" + r + "\",\"scopes\":[\"kb-read\"]}").body());
            String bearer = "Bearer " + key.path("key").asText();
            long start = System.nanoTime();
            for (ServerProcess other : servers) {
                if (other != on) {
                    created.add(await(other.url("/api/kb"), bearer, 200, start));
                }
            }
            Http.delete(on.url("/admin/api-keys/" + key.path("id").asLong()));
            start = System.nanoTime();
            for (ServerProcess other : servers) {
                if (other != on) {
                    revoked.add(await(other.url("/api/kb"), bearer, 401, start));
                }
            }
        }
        Collections.sort(created);
        Collections.sort(revoked);
        return String.format("API keys, %d rounds (create and revoke on one node, probe the other nodes every 5 ms): "
                        + "accepted elsewhere after p50 %d ms / max %d ms; **revoked key refused elsewhere after p50 %d "
                        + "ms / max %d ms** (target < 1,000 ms)%n%n", rounds, pct(created, 50), pct(created, 100),
                pct(revoked, 50), pct(revoked, 100));
    }

    private static long await(String url, String bearer, int status, long startNanos) {
        while (System.nanoTime() - startNanos < Duration.ofSeconds(60).toNanos()) {
            if (Http.get(url, "Authorization", bearer).statusCode() == status) {
                return (System.nanoTime() - startNanos) / 1_000_000;
            }
            sleep(5);
        }
        return 60_000;
    }

    private static String summaries(List<ServerProcess> servers) {
        int same = 0;
        int tries = 20;
        int nodesListed = 0;
        for (int i = 0; i < tries; i++) {
            Set<JsonNode> answers = new HashSet<>();
            for (ServerProcess s : servers) {
                JsonNode j = read(Http.get(s.url("/api/ops/summary")).body());
                ((ObjectNode) j).remove("at");
                nodesListed = j.path("nodes").size();
                answers.add(j);
            }
            if (answers.size() == 1) {
                same++;
            }
            sleep(500);
        }
        return String.format("Ops summary read from the %d nodes one after the other, %d times under load: **the same "
                        + "answer %d of %d times** (a snapshot written between two reads changes a figure); %d live "
                        + "nodes listed%n%n", servers.size(), tries, same, tries, nodesListed);
    }

    private static void pollSummary(String base, AtomicBoolean running, List<Double> negatives, AtomicInteger polls) {
        Map<String, double[]> last = new HashMap<>();
        while (running.get()) {
            try {
                JsonNode s = read(Http.get(base + "/api/ops/summary").body());
                polls.incrementAndGet();
                for (JsonNode p : s.path("providers")) {
                    double[] now = {p.path("requests").asDouble(), p.path("errors").asDouble(),
                            p.path("costCny").asDouble()};
                    double[] was = last.put(p.path("provider").asText(), now);
                    for (int i = 0; was != null && i < now.length; i++) {
                        if (now[i] - was[i] < -1e-9) {
                            negatives.add(now[i] - was[i]);
                        }
                    }
                }
            } catch (RuntimeException e) {
                // a poll that reached the killed node is retried by the balancer; anything else: next poll
            }
            sleep(500);
        }
    }

    private static String batch(String base, List<ServerProcess> servers, FakeUpstream fake, int workers) {
        int before = fake.requests();
        int bodiesBefore = fake.bodies().size();
        HttpResponse<String> started = Http.postJson(base + "/api/commentary/jobs",
                "{\"date\":\"2024-09-19\",\"universe\":\"csi300\",\"types\":[\"recap\"]}");
        check(started, 202);
        JsonNode run = read(started.body());
        String id = run.path("id").asText();
        int total = run.path("total").asInt();
        long start = System.nanoTime();
        while (read(Http.get(base + "/api/commentary/jobs/" + id).body()).path("done").asInt() < total / 4) {
            sleep(100);
        }
        ServerProcess victim = servers.getFirst();
        try {
            victim.kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        JsonNode done = run;
        while (System.nanoTime() - start < Duration.ofMinutes(10).toNanos()) {
            try {
                done = read(Http.get(base + "/api/commentary/jobs/" + id).body());
            } catch (RuntimeException e) {
                // the killed node's share of polls fails until the balancer skips it
            }
            if (!"running".equals(done.path("state").asText())) {
                break;
            }
            sleep(250);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Integer> calls = new HashMap<>();
        List<JsonNode> bodies = fake.bodies();
        for (JsonNode body : bodies.subList(bodiesBefore, bodies.size())) {
            String user = body.path("messages").get(body.path("messages").size() - 1).path("content").asText();
            Matcher m = SUBJECT.matcher(user);
            if (m.find()) {
                calls.merge(m.group(1), 1, Integer::sum);
            }
        }
        long twice = calls.values().stream().filter(n -> n > 1).count();
        JsonNode articles = read(Http.get(base + "/api/commentary/articles?limit=1000&run=" + id).body());
        Set<String> distinct = new HashSet<>();
        articles.forEach(a -> distinct.add(a.path("id").asText()));
        return String.format("Commentary batch started through the balancer, node-1 killed (kill -9) at a quarter: "
                        + "state **%s**, %d of %d done, %d failed, %d distinct articles stored (of %d listed) in %.0f s; "
                        + "model calls %d for %d articles: %d articles asked twice (in flight on the killed node; "
                        + "at most %d workers × 2 item threads)%n%n", done.path("state").asText(),
                done.path("done").asInt(), total, done.path("failed").asInt(), distinct.size(), articles.size(),
                seconds, fake.requests() - before, total, twice, workers);
    }

    private static List<String> nodeArgs(String node, FakeUpstream fake, int workers) {
        String p = "--finassist.router.providers.ds.";
        List<String> a = new ArrayList<>(List.of(
                "--spring.datasource.url=" + TestPostgres.url(SCHEMA + ",public"),
                "--spring.datasource.username=" + TestPostgres.user(),
                "--spring.datasource.password=" + (TestPostgres.password() == null ? "" : TestPostgres.password()),
                "--spring.flyway.schemas=" + SCHEMA, "--spring.flyway.default-schema=" + SCHEMA,
                "--finassist.rag.store=pgvector", "--finassist.rag.pg-schema=" + SCHEMA,
                "--finassist.node-id=" + node, "--finassist.cluster.channel=" + SCHEMA,
                "--finassist.cluster.snapshot-every=2s", "--spring.lifecycle.timeout-per-shutdown-phase=10s",
                p + "flavor=deepseek", p + "base-url=" + fake.baseUrl(), p + "api-key=test-key",
                p + "max-concurrency=64", p + "request-timeout=10s", p + "models.chat.upstream=chat-upstream",
                p + "prices.input=2", p + "prices.output=8",
                "--finassist.content.synthetic-stocks=300",
                "--finassist.content.commentary.workers=" + workers,
                "--finassist.content.commentary.polling-interval=200ms",
                "--finassist.content.commentary.heartbeat-interval=500ms",
                "--finassist.content.commentary.missed-heartbeats=4"));
        for (String route : List.of("general", "qa", "stock-diagnosis", "commentary", "account-opening", "witness")) {
            a.add("--finassist.router.routes." + route + "[0]=ds:chat");
        }
        return a;
    }

    private static String chatOnce(String base) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/chat")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"融资融券的维持担保比例是多少？\"}")).build();
            return CLIENT.send(r, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static void awaitUp(String base) {
        for (int i = 0; i < 100; i++) {
            try {
                if (Http.get(base + "/api/commentary/jobs").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not yet
            }
            sleep(100);
        }
        throw new IllegalStateException("load balancer not up at " + base);
    }

    private static byte[] multipart(String name, String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--bench\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write("\r\n--bench--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + r.statusCode() + ": " + r.body());
        }
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1 < 0 ? 0
                : (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
