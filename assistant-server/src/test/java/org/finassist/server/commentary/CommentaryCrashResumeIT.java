package org.finassist.server.commentary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.core.fake.FakeUpstream;
import org.finassist.core.fake.Script;
import org.finassist.server.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the server (a child JVM on a file H2 database) in the middle of a commentary batch, starts it again, and
 * checks that the run completes with every article exactly once and no second model call for any article finished
 * before the kill; then that a rerun skips everything without a model call, and that a run can be cancelled.
 */
class CommentaryCrashResumeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUBJECT = Pattern.compile("（(\\d{6}\\.[A-Z]{2})）");
    private static final String ANSWER = "当日个股行情整体平稳，详情请以系统数据为准。";
    private static final int WORKERS = 4;
    private static FakeUpstream upstream;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void fake() {
        upstream = FakeUpstream.start("deepseek");
        upstream.always(Script.ok(ANSWER).withHeaderDelay(Duration.ofMillis(150)));
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    @Test
    void aKilledBatchResumesWithEveryArticleOnceAndNoSecondModelCall() throws Exception {
        String runId;
        Set<String> finishedBeforeKill;
        int total;
        try (ServerProcess first = ServerProcess.start(dataDir, args(), "server-1.log")) {
            JsonNode run = post(first, "{\"date\":\"2024-09-19\",\"universe\":\"csi300\",\"types\":[\"recap\"]}");
            runId = run.path("id").asText();
            total = run.path("total").asInt();
            assertThat(total).as(first.logTail()).isGreaterThan(250);
            awaitDone(first, runId, 40);
            finishedBeforeKill = articleIds(first, runId);
            first.kill();
        }
        assertThat(finishedBeforeKill.size()).isBetween(40, total - 1);
        int requestsAtKill = upstream.requests();

        try (ServerProcess second = ServerProcess.start(dataDir, args(), "server-2.log")) {
            JsonNode done = awaitFinished(second, runId, Duration.ofSeconds(180));
            assertThat(done.path("state").asText()).as(second.logTail()).isEqualTo("done");
            assertThat(done.path("done").asInt()).isEqualTo(total);
            assertThat(done.path("failed").asInt() + done.path("rejected").asInt() + done.path("skipped").asInt())
                    .isZero();
            Set<String> articles = articleIds(second, runId);
            assertThat(articles).hasSize(total).containsAll(finishedBeforeKill);

            Map<String, Integer> calls = callsPerSubject();
            String seen = "requests " + upstream.requests() + " for " + total + " items, at kill " + requestsAtKill
                    + ", finished at kill " + finishedBeforeKill.size() + ", asked twice "
                    + calls.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList()
                    + "\n" + second.logTail();
            for (String id : finishedBeforeKill) {
                assertThat(calls.get(subject(id))).as("model calls for " + id + ", finished before the kill; " + seen)
                        .isEqualTo(1);
            }
            assertThat(calls.keySet()).hasSize(total);
            // only the items in flight at the kill may have been asked twice
            assertThat(upstream.requests()).isBetween(total, total + WORKERS);
            assertThat(requestsAtKill).isLessThan(upstream.requests());

            checkEndpoints(second, runId, articles);
            rerunSkipsEverything(second, total);
            cancelStopsARun(second);
        }
    }

    private void checkEndpoints(ServerProcess s, String runId, Set<String> articles) {
        String id = articles.iterator().next();
        String md = Http.get(s.url("/api/commentary/articles/" + id + "?format=markdown")).body();
        assertThat(md).startsWith("# 【AI生成】").contains(ANSWER).contains("数据日期：2024-09-19");
        JsonNode json = read(Http.get(s.url("/api/commentary/articles/" + id)).body());
        assertThat(json.path("id").asText()).isEqualTo(id);
        assertThat(json.path("route").asText()).isEqualTo("commentary");
        assertThat(json.path("model").asText()).isEqualTo("ds:chat");
        assertThat(json.path("facts").size()).isPositive();
        String events = Http.get(s.url("/api/commentary/jobs/" + runId + "/events")).body();
        assertThat(events).contains("event: done").contains("\"state\":\"done\"");
        var bad = Http.postJson(s.url("/api/commentary/jobs"), "{\"types\":[\"poem\"]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(read(bad.body()).path("message").asText()).contains("文章类型");
        assertThat(read(bad.body()).path("detail").asText()).contains("poem");
        assertThat(Http.get(s.url("/api/commentary/jobs/no-such-run")).statusCode()).isEqualTo(404);
        JsonNode list = read(Http.get(s.url("/api/commentary/jobs")).body());
        assertThat(list.get(0).fieldNames()).toIterable()
                .contains("id", "date", "types", "total", "done", "failed", "rejected", "state", "startedAt");
    }

    private void rerunSkipsEverything(ServerProcess s, int total) {
        int before = upstream.requests();
        JsonNode rerun = post(s, "{\"date\":\"2024-09-19\",\"universe\":\"csi300\",\"types\":[\"recap\"]}");
        JsonNode done = awaitFinished(s, rerun.path("id").asText(), Duration.ofSeconds(120));
        assertThat(done.path("skipped").asInt()).isEqualTo(total);
        assertThat(upstream.requests()).isEqualTo(before);
        String metrics = Http.get(s.url("/actuator/prometheus")).body();
        // every meter also carries the node tag, in an order the registry chooses
        assertThat(metrics).containsPattern("finassist_commentary_items_total\\{[^}]*status=\"skipped\"[^}]*}")
                .containsPattern("finassist_commentary_items_total\\{[^}]*node=\"[^\"]+\"")
                .contains("finassist_commentary_runs_active");
    }

    private void cancelStopsARun(ServerProcess s) {
        JsonNode run = post(s, "{\"date\":\"2024-09-18\",\"universe\":\"csi300\",\"types\":[\"recap\"]}");
        String id = run.path("id").asText();
        JsonNode cancelled = read(Http.postJson(s.url("/api/commentary/jobs/" + id + "/cancel"), "").body());
        assertThat(cancelled.path("state").asText()).isEqualTo("cancelled");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode now = cancelled;
        while (System.nanoTime() < deadline && settled(now) < now.path("total").asInt()) {
            ServerProcess.sleep(200);
            now = read(Http.get(s.url("/api/commentary/jobs/" + id)).body());
        }
        assertThat(settled(now)).isEqualTo(now.path("total").asInt());
        assertThat(now.path("cancelled").asInt()).isGreaterThan(now.path("total").asInt() / 2);
    }

    private static List<String> args() {
        String p = "--finassist.router.providers.ds.";
        List<String> a = new ArrayList<>(List.of(p + "flavor=deepseek", p + "base-url=" + upstream.baseUrl(),
                p + "api-key=test-key", p + "max-concurrency=64", p + "request-timeout=10s", p + "models.chat.upstream=chat-upstream", p + "prices.input=2", p + "prices.output=8",
                "--finassist.content.synthetic-stocks=300",
                "--finassist.content.commentary.workers=" + WORKERS,
                "--finassist.content.commentary.polling-interval=200ms",
                "--finassist.content.commentary.heartbeat-interval=500ms",
                "--finassist.content.commentary.missed-heartbeats=4"));
        for (String route : List.of("general", "qa", "stock-diagnosis", "commentary", "account-opening", "witness")) {
            a.add("--finassist.router.routes." + route + "[0]=ds:chat");
        }
        return a;
    }

    private static JsonNode post(ServerProcess s, String body) {
        var r = Http.postJson(s.url("/api/commentary/jobs"), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return read(r.body());
    }

    private static void awaitDone(ServerProcess s, String runId, int atLeast) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (read(Http.get(s.url("/api/commentary/jobs/" + runId)).body()).path("done").asInt() >= atLeast) {
                return;
            }
            ServerProcess.sleep(100);
        }
        throw new AssertionError("fewer than " + atLeast + " items done:\n" + s.logTail());
    }

    private static JsonNode awaitFinished(ServerProcess s, String runId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode run = null;
        while (System.nanoTime() < deadline) {
            run = read(Http.get(s.url("/api/commentary/jobs/" + runId)).body());
            if (!"running".equals(run.path("state").asText())) {
                return run;
            }
            ServerProcess.sleep(250);
        }
        throw new AssertionError("run " + runId + " not finished: " + run + "\n" + s.logTail());
    }

    private static Set<String> articleIds(ServerProcess s, String runId) {
        JsonNode list = read(Http.get(s.url("/api/commentary/articles?limit=1000&run=" + runId)).body());
        Set<String> ids = new HashSet<>();
        list.forEach(a -> {
            if ("done".equals(a.path("status").asText())) {
                ids.add(a.path("id").asText());
            }
        });
        return ids;
    }

    /** Model calls per article subject, read from the user prompts the fake upstream received. */
    private static Map<String, Integer> callsPerSubject() {
        Map<String, Integer> calls = new HashMap<>();
        for (JsonNode body : upstream.bodies()) {
            String user = body.path("messages").get(body.path("messages").size() - 1).path("content").asText();
            Matcher m = SUBJECT.matcher(user);
            calls.merge(m.find() ? m.group(1) : "MARKET", 1, Integer::sum);
        }
        return calls;
    }

    private static String subject(String articleId) {
        return articleId.split("/")[1];
    }

    private static int settled(JsonNode run) {
        return run.path("done").asInt() + run.path("failed").asInt() + run.path("rejected").asInt()
                + run.path("skipped").asInt() + run.path("cancelled").asInt();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }
}
