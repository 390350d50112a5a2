package org.finassist.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.finassist.core.fake.FakeUpstream;
import org.finassist.core.fake.Script;
import org.finassist.server.commentary.ServerProcess;
import org.finassist.server.support.Http;
import org.finassist.server.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * Two real server JVMs (children launched on the test classpath, ephemeral ports) on one PostgreSQL schema
 * ({@code cluster_it}, pgvector store), as behind a round-robin load balancer: a document uploaded on A is found on
 * B; a key revoked on A is refused on B within a second; the ops summary is the same from either node; a
 * commentary batch started on A, with A killed ({@code kill -9}) mid-batch, completes on B with every article once.
 * The two checks of the shared provider limits are marked hooks for that work (issue 20).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "cluster_it";
    private static final Pattern SUBJECT = Pattern.compile("（(\\d{6}\\.[A-Z]{2})）");
    private static final String ANSWER = "当日个股行情整体平稳，详情请以系统数据为准。";
    private static final int WORKERS = 4;
    private static FakeUpstream upstream;
    private static ServerProcess nodeA;
    private static ServerProcess nodeB;

    @BeforeAll
    static void start() throws Exception {
        TestPostgres.resetSchemaOrSkip(SCHEMA);
        upstream = FakeUpstream.start("deepseek");
        upstream.always(Script.ok(ANSWER).withHeaderDelay(Duration.ofMillis(150)));
        nodeA = ServerProcess.start(Files.createTempDirectory("cluster-it-a-"), args("node-a"), "node-a.log");
        nodeB = ServerProcess.start(Files.createTempDirectory("cluster-it-b-"), args("node-b"), "node-b.log");
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServerProcess node : new ServerProcess[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    @Order(1)
    void aDocumentUploadedOnAIsFoundOnB() throws Exception {
        assertThat(Http.postJson(nodeA.url("/api/kb"), "{\"id\":\"cluster\",\"name\":\"cluster\"}").statusCode())
                .isEqualTo(201);
        String text = "# 融资融券\n\n维持担保比例低于130%时，证券公司将通知客户追加担保物，客户应在两个交易日内补足。\n";
        HttpResponse<String> upload = Http.post(nodeA.url("/api/kb/cluster/documents"),
                "multipart/form-data; boundary=clusterit", multipart("margin.md", text));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        String jobId = read(upload.body()).path("jobId").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String state = "";
        while (System.nanoTime() < deadline && !"DONE".equals(state)) {
            // polled on B: the job's progress is in the shared database
            state = read(Http.get(nodeB.url("/api/kb/jobs/" + jobId)).body()).path("state").asText();
            ServerProcess.sleep(200);
        }
        assertThat(state).as(nodeA.logTail()).isEqualTo("DONE");
        JsonNode found = read(Http.postJson(nodeB.url("/api/kb/cluster/search"), "{\"query\":\"维持担保比例\"}").body());
        assertThat(found.path("passages").get(0).path("docId").asText()).isEqualTo("margin.md");
    }

    @Test
    @Order(2)
    void aKeyRevokedOnAIsRefusedOnBWithinASecond() {
        JsonNode key = read(Http.postJson(nodeA.url("/admin/api-keys"),
                "{\"name\":\"cluster-it\",\"scopes\":[\"kb-read\"]}").body());
        String bearer = "Bearer " + key.path("key").asText();
        assertThat(awaitStatus(nodeB.url("/api/kb"), bearer, 200, Duration.ofSeconds(1)))
                .as("a key created on A works on B within a second").isLessThan(Duration.ofSeconds(1));
        assertThat(Http.delete(nodeA.url("/admin/api-keys/" + key.path("id").asLong())).statusCode())
                .isEqualTo(204);
        Duration refused = awaitStatus(nodeB.url("/api/kb"), bearer, 401, Duration.ofSeconds(5));
        assertThat(refused).as("revoked on A, refused on B after").isLessThan(Duration.ofSeconds(1));
    }

    @Test
    @Order(3)
    void theOpsSummaryIsTheSameFromEitherNode() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode fromA = summary(nodeA);
        while (System.nanoTime() < deadline && fromA.path("nodes").size() < 2) {
            ServerProcess.sleep(250);
            fromA = summary(nodeA);
        }
        assertThat(fromA.path("nodes").findValuesAsText("nodeId")).containsExactly("node-a", "node-b");
        // a snapshot written between the two reads may change a figure: the same answer within a few tries
        JsonNode fromB = summary(nodeB);
        for (int i = 0; i < 10 && !fromA.equals(fromB); i++) {
            ServerProcess.sleep(300);
            fromA = summary(nodeA);
            fromB = summary(nodeB);
        }
        assertThat(fromB).isEqualTo(fromA);
    }

    @Test
    @Order(4)
    @Disabled("HOOK(limits): an account limit of 4 concurrent requests holds across both nodes — added at merge")
    void anAccountConcurrencyOfFourHoldsAcrossBothNodes() {
        // the limits work adds: --finassist.router.providers.ds.max-concurrency=4 as an account limit, 8 slow
        // requests spread over nodeA and nodeB, and upstream.maxInFlight() == 4
    }

    @Test
    @Order(5)
    @Disabled("HOOK(limits): a circuit opened on A is open on B — added at merge")
    void aCircuitOpenedOnAIsOpenOnB() {
        // the limits work adds: failures through nodeA until its circuit opens, then a request on nodeB answered
        // without an upstream call (upstream.requests() unchanged)
    }

    @Test
    @Order(10)
    void aBatchWithAKilledCompletesOnBExactlyOnce() throws Exception {
        HttpResponse<String> started = Http.postJson(nodeA.url("/api/commentary/jobs"),
                "{\"date\":\"2024-09-19\",\"universe\":\"csi300\",\"types\":[\"recap\"]}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode run = read(started.body());
        String runId = run.path("id").asText();
        int total = run.path("total").asInt();
        awaitDone(nodeA, runId, 40);
        Set<String> finishedBeforeKill = articleIds(nodeA, runId);
        nodeA.kill();
        int requestsAtKill = upstream.requests();
        assertThat(finishedBeforeKill.size()).isBetween(40, total - 1);

        JsonNode done = awaitFinished(nodeB, runId, Duration.ofSeconds(240));
        assertThat(done.path("state").asText()).as(nodeB.logTail()).isEqualTo("done");
        assertThat(done.path("done").asInt()).isEqualTo(total);
        assertThat(articleIds(nodeB, runId)).hasSize(total).containsAll(finishedBeforeKill);
        Map<String, Integer> calls = callsPerSubject();
        for (String id : finishedBeforeKill) {
            assertThat(calls.get(id.split("/")[1])).as("model calls for " + id + ", finished on A before the kill")
                    .isEqualTo(1);
        }
        assertThat(calls.keySet()).hasSize(total);
        // only the items in flight on A at the kill may have been asked twice
        assertThat(upstream.requests()).isBetween(total, total + 2 * WORKERS);
        assertThat(requestsAtKill).isLessThan(upstream.requests());
    }

    private static List<String> args(String node) {
        String p = "--finassist.router.providers.ds.";
        List<String> a = new ArrayList<>(List.of(
                "--spring.datasource.url=" + TestPostgres.url(SCHEMA + ",public"),
                "--spring.datasource.username=" + TestPostgres.user(),
                "--spring.datasource.password=" + (TestPostgres.password() == null ? "" : TestPostgres.password()),
                "--spring.flyway.schemas=" + SCHEMA, "--spring.flyway.default-schema=" + SCHEMA,
                "--finassist.rag.store=pgvector", "--finassist.rag.pg-schema=" + SCHEMA,
                "--finassist.node-id=" + node, "--finassist.cluster.channel=" + SCHEMA,
                "--finassist.cluster.snapshot-every=1s", "--spring.lifecycle.timeout-per-shutdown-phase=5s",
                p + "flavor=deepseek", p + "base-url=" + upstream.baseUrl(), p + "api-key=test-key",
                p + "max-concurrency=64", p + "request-timeout=10s", p + "models.chat.upstream=chat-upstream",
                p + "prices.input=2", p + "prices.output=8",
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

    /** How long until {@code url} with {@code authorization} answers {@code status} (at most {@code limit}). */
    private static Duration awaitStatus(String url, String authorization, int status, Duration limit) {
        long start = System.nanoTime();
        int last = 0;
        while (System.nanoTime() - start < limit.toNanos()) {
            last = Http.get(url, "Authorization", authorization).statusCode();
            if (last == status) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            ServerProcess.sleep(20);
        }
        throw new AssertionError(url + " still answers " + last + ", not " + status + ", after " + limit);
    }

    private static JsonNode summary(ServerProcess node) {
        JsonNode s = read(Http.get(node.url("/api/ops/summary")).body());
        ((ObjectNode) s).remove("at");
        return s;
    }

    private static byte[] multipart(String name, String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--clusterit\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write("\r\n--clusterit--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void awaitDone(ServerProcess s, String runId, int atLeast) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
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

    private static Map<String, Integer> callsPerSubject() {
        Map<String, Integer> calls = new HashMap<>();
        for (JsonNode body : upstream.bodies()) {
            String user = body.path("messages").get(body.path("messages").size() - 1).path("content").asText();
            Matcher m = SUBJECT.matcher(user);
            calls.merge(m.find() ? m.group(1) : "MARKET", 1, Integer::sum);
        }
        return calls;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }
}
