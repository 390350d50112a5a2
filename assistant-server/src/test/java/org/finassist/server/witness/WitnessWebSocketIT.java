package org.finassist.server.witness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.protocol.ErrorCode;
import org.finassist.dh.protocol.Outcome;
import org.finassist.dh.protocol.RuntimeFrame;
import org.finassist.dh.protocol.ServerFrame;
import org.finassist.dh.session.SessionStatus;
import org.finassist.dh.session.WitnessEngine;
import org.finassist.dh.simulator.Persona;
import org.finassist.dh.simulator.SimulatedCustomer;
import org.finassist.dh.simulator.SimulatedRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.junit.jupiter.api.Assumptions;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Full sessions through the protocol over a real WebSocket, against PostgreSQL (schema dh_test). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WitnessWebSocketIT {

    private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(4);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    WitnessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeShutdown runtimeShutdown;

    @BeforeAll
    static void database() {
        WitnessPg.resetSchemaOrSkip();
    }

    @AfterAll
    static void stop() {
        SCHEDULER.shutdownNow();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        WitnessPg.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Test
    void personasRunConcurrentlyToTheirOutcomesAndSupervisorRejectionIsAudited() throws Exception {
        List<SimulatedCustomer> customers = new ArrayList<>();
        try (SimulatedRuntime a = runtime("rt-1", "t1"); SimulatedRuntime b = runtime("rt-2", "t2")) {
            assertThat(a.connect()).isInstanceOf(ServerFrame.Welcome.class);
            assertThat(b.connect()).isInstanceOf(ServerFrame.Welcome.class);
            Persona[] personas = {Persona.COOPERATIVE, Persona.HESITANT, Persona.NOISY, Persona.REFUSING};
            for (int i = 0; i < 8; i++) {
                SimulatedCustomer c = new SimulatedCustomer(id("p" + i), applicant(i), personas[i % 4]);
                customers.add(c);
                (i % 2 == 0 ? a : b).join(c);
            }
            for (SimulatedCustomer c : customers) {
                if (c.persona() == Persona.REFUSING) {
                    awaitStatus(c.sessionId(), SessionStatus.ESCALATED);
                    JsonNode view = post(c.sessionId(), "{\"action\":\"reject\",\"text\":\"not voluntary\","
                            + "\"supervisor\":\"alice\"}");
                    assertThat(view.path("outcome").asText()).isEqualTo("REJECTED");
                }
            }
            for (SimulatedCustomer c : customers) {
                Outcome expected = c.persona() == Persona.REFUSING ? Outcome.REJECTED : Outcome.PASSED;
                assertThat(c.outcome().get(30, TimeUnit.SECONDS)).as(c.persona().name()).isEqualTo(expected);
            }
        }
        SimulatedCustomer refused = customers.get(3);
        JsonNode export = get("/api/witness/sessions/" + refused.sessionId() + "/audit");
        assertThat(export.path("verification").path("valid").asBoolean()).isTrue();
        assertThat(export.path("records").findValuesAsText("actor")).contains("supervisor:alice");
        SimulatedCustomer hesitant = customers.get(1);
        assertThat(engine.auditLog().read(hesitant.sessionId())).filteredOn(r -> r.kind().equals("check"))
                .filteredOn(r -> "Retry".equals(r.data().get("result"))).hasSizeGreaterThanOrEqualTo(2);
        // the payload is encrypted at rest: what was said is not readable in the table
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dh_audit_record WHERE session_id = ? AND payload NOT LIKE"
                + " 'enc:v1:%'", Integer.class, hesitant.sessionId())).isZero();
        assertThat(jdbc.queryForObject("SELECT state FROM dh_session WHERE session_id = ?", String.class,
                hesitant.sessionId())).startsWith("enc:v1:");
    }

    @Test
    void runtimeThatDropsItsConnectionResumesItsSessionsAndLosesNoAcknowledgedAnswer() throws Exception {
        SimulatedCustomer c1 = new SimulatedCustomer(id("r1"), applicant(1), Persona.COOPERATIVE);
        SimulatedCustomer c2 = new SimulatedCustomer(id("r2"), applicant(2), Persona.NOISY);
        try (SimulatedRuntime rt = new SimulatedRuntime(wsUri(), "rt-3", "t3", 5, Duration.ofMillis(300), SCHEDULER)) {
            rt.connect();
            rt.join(c1);
            rt.join(c2);
            awaitStep(c1.sessionId(), 3);
            rt.abort();
            awaitOffline(c1.sessionId());
            ServerFrame welcome = rt.connect();
            assertThat(((ServerFrame.Welcome) welcome).resumedSessions()).contains(c1.sessionId(), c2.sessionId());
            assertThat(c1.outcome().get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.PASSED);
            assertThat(c2.outcome().get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.PASSED);
            for (ServerFrame.Ack ack : rt.received(ServerFrame.Ack.class)) {
                assertThat(engine.auditLog().read(ack.sessionId())).filteredOn(r -> r.kind().equals("asr.final"))
                        .filteredOn(r -> Long.toString(ack.seq()).equals(r.data().get("seq"))).as("acked " + ack)
                        .hasSize(1);
            }
        }
        assertThat(get("/api/witness/sessions/" + c1.sessionId() + "/audit/verify").path("valid").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dh_audit_record WHERE session_id = ? AND kind = "
                + "'runtime.resumed'", Integer.class, c1.sessionId())).isEqualTo(1);
    }

    @Test
    void badFramesGetErrorFramesAndOtherSessionsContinue() throws Exception {
        try (SimulatedRuntime anonymous = runtime("rt-1", "t1")) {
            frameBeforeHelloIsRefused(anonymous);
        }
        try (SimulatedRuntime good = runtime("rt-1", "t1"); SimulatedRuntime other = runtime("rt-2", "t2")) {
            good.connect();
            other.connect();
            SimulatedCustomer c = new SimulatedCustomer(id("e1"), applicant(5), Persona.COOPERATIVE);
            good.join(c);
            // the join is processed asynchronously: wait until the server speaks to the session, so the other
            // runtime's frame for it meets an owned session (NOT_SESSION_OWNER) rather than none yet
            long joined = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (good.received(ServerFrame.Speak.class).isEmpty() && System.nanoTime() < joined) {
                Thread.sleep(20);
            }
            other.sendRaw("{not json");
            other.sendRaw("{\"type\":\"teleport\",\"session\":\"x\"}");
            other.sendRaw("{\"type\":\"asr.final\",\"session\":\"x\",\"seq\":1,\"text\":\"" + "是".repeat(5000) + "\"}");
            other.send(new RuntimeFrame.AsrFinal(c.sessionId(), 99, "不愿意"));
            other.sendBinary(new byte[] {1, 2, 3});
            other.send(new RuntimeFrame.Heartbeat(42));
            other.sendRaw("{\"type\":\"heartbeat\"}");
            other.sendRaw("{\"type\":\"asr.partial\",\"session\":\"" + c.sessionId() + "x\",\"text\":\"是\"}");
            assertThat(c.outcome().get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.PASSED);
            awaitFrames(other, 8);
            // session frames run on per-session lanes, so only connection-level errors keep their order;
            // refType is always set: the frame's type, or 'unparsed' / 'binary' when it had none
            List<String> errors = other.received(ServerFrame.Error.class).stream()
                    .map(e -> e.code() + " " + e.refType()).toList();
            assertThat(errors).hasSize(6).contains("MALFORMED_FRAME unparsed", "UNKNOWN_TYPE teleport",
                    "FRAME_TOO_LARGE unparsed", "MALFORMED_FRAME binary", "UNKNOWN_SESSION asr.partial");
            // the other runtime's answer for a session it does not own is refused either way: while the session runs
            // (NOT_SESSION_OWNER) or, when the cooperative customer has already passed, after it ended (UNKNOWN_SESSION)
            assertThat(errors).containsAnyOf("NOT_SESSION_OWNER asr.final", "UNKNOWN_SESSION asr.final");
            assertThat(other.received(ServerFrame.Pong.class)).hasSize(2).first()
                    .isEqualTo(new ServerFrame.Pong(42));
            assertThat(other.received(ServerFrame.Pong.class).getLast().timestampMillis()).isPositive();
            assertThat(other.closed()).isNotDone();
        }
    }

    @Test
    void atShutdownARuntimeIsToldGoingAwayAndItsSessionWaitsForItsReconnect() throws Exception {
        try (SimulatedRuntime rt = runtime("rt-1", "t1")) {
            rt.connect();
            SimulatedCustomer c = new SimulatedCustomer(id("bye"), applicant(4), Persona.COOPERATIVE);
            rt.join(c);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!engine.holds(c.sessionId()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(engine.holds(c.sessionId())).as("joined on this node").isTrue();
            // what the node's stop does before the web server goes (the context itself stays up for other tests)
            runtimeShutdown.stop();
            assertThat(rt.closed().get(10, TimeUnit.SECONDS)).isEqualTo("1001 server_shutdown");
            assertThat(engine.holds(c.sessionId())).isFalse();
            runtimeShutdown.start();
        }
    }

    @Test
    void aSecondConnectionWithTheSameRuntimeIdSupersedesTheFirst() throws Exception {
        try (SimulatedRuntime first = runtime("rt-2", "t2"); SimulatedRuntime second = runtime("rt-2", "t2")) {
            first.connect();
            SimulatedCustomer c = new SimulatedCustomer(id("sup"), applicant(3), Persona.COOPERATIVE);
            second.adopt(c);
            first.recordFrames(true);
            second.connect();
            assertThat(first.closed().get(10, TimeUnit.SECONDS)).isEqualTo("4001 superseded");
            second.join(c);
            assertThat(c.outcome().get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.PASSED);
            assertThat(first.received(ServerFrame.Ack.class)).isEmpty();
        }
    }

    @Test
    void nonJsonBeforeHelloIsUnauthenticatedAndCloses() throws Exception {
        try (SimulatedRuntime rt = runtime("rt-1", "t1")) {
            rt.open();
            rt.sendRaw("hello?");
            assertThat(rt.closed().get(10, TimeUnit.SECONDS)).startsWith("1008");
            assertThat(rt.received(ServerFrame.Error.class)).extracting(ServerFrame.Error::code)
                    .containsExactly(ErrorCode.UNAUTHENTICATED);
        }
    }

    @Test
    void unauthenticatedRuntimesAreRefusedWithAReason() throws Exception {
        SimulatedRuntime wrongToken = runtime("rt-1", "nope");
        ServerFrame answer = wrongToken.connect();
        assertThat(answer).isInstanceOfSatisfying(ServerFrame.Error.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
        assertThat(wrongToken.closed().get(10, TimeUnit.SECONDS)).startsWith("1008");
    }

    @Test
    void tamperingWithOneStoredRecordOrDroppingTheLastIsDetected() throws Exception {
        SimulatedCustomer c = new SimulatedCustomer(id("t"), applicant(7), Persona.COOPERATIVE);
        try (SimulatedRuntime rt = runtime("rt-2", "t2")) {
            rt.connect();
            rt.join(c);
            assertThat(c.outcome().get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.PASSED);
        }
        String path = "/api/witness/sessions/" + c.sessionId() + "/audit/verify";
        assertThat(get(path).path("valid").asBoolean()).isTrue();
        jdbc.update("UPDATE dh_audit_record SET payload = '{\"text\":\"forged\"}' WHERE session_id = ? AND seq = 9",
                c.sessionId());
        JsonNode tampered = get(path);
        assertThat(tampered.path("valid").asBoolean()).isFalse();
        assertThat(tampered.path("firstBadSeq").asLong()).isEqualTo(9);

        SimulatedCustomer d = new SimulatedCustomer(id("d"), applicant(8), Persona.COOPERATIVE);
        try (SimulatedRuntime rt = runtime("rt-2", "t2")) {
            rt.connect();
            rt.join(d);
            d.outcome().get(30, TimeUnit.SECONDS);
        }
        jdbc.update("DELETE FROM dh_audit_record WHERE session_id = ? AND seq = (SELECT MAX(seq) FROM "
                + "dh_audit_record WHERE session_id = ?)", d.sessionId(), d.sessionId());
        assertThat(get("/api/witness/sessions/" + d.sessionId() + "/audit/verify").path("problem").asText())
                .contains("expected");
    }

    @Test
    void consoleFeedListsEscalatedSessionsFirstAndServesThePage() throws Exception {
        try (SimulatedRuntime rt = runtime("rt-1", "t1")) {
            rt.connect();
            SimulatedCustomer calm = new SimulatedCustomer(id("c1"), applicant(1), Persona.COOPERATIVE);
            SimulatedCustomer refusing = new SimulatedCustomer(id("c2"), applicant(2), Persona.REFUSING);
            rt.join(refusing);
            awaitStatus(refusing.sessionId(), SessionStatus.ESCALATED);
            JsonNode feed = get("/api/witness/sessions");
            assertThat(feed.path("sessions").get(0).path("sessionId").asText()).isEqualTo(refusing.sessionId());
            assertThat(feed.path("sessions").get(0).path("maskedName").asText()).endsWith("*");
            assertThat(feed.path("capacity").asInt()).isEqualTo(10);
            JsonNode taken = post(refusing.sessionId(), "{\"action\":\"takeover\",\"text\":\"您好，我是见证人员。\","
                    + "\"supervisor\":\"bob\"}");
            assertThat(taken.path("status").asText()).isEqualTo("TAKEN_OVER");
            awaitFrames(rt, 1);
            assertThat(rt.received(ServerFrame.Speak.class)).anySatisfy(s -> assertThat(s.text()).isEqualTo("您好，我是见证人员。"));
            post(refusing.sessionId(), "{\"action\":\"reject\",\"text\":\"refused\",\"supervisor\":\"bob\"}");
            rt.join(calm);
            // a session that is not escalated cannot be approved, rejected or taken over: 409
            await(() -> engine.session(calm.sessionId()).isPresent(), calm.sessionId() + " joined");
            for (String action : List.of("approve", "reject", "takeover")) {
                HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(base()
                                + "/api/witness/sessions/" + calm.sessionId() + "/decision"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"action\":\"" + action + "\",\"text\":\"x\",\"supervisor\":\"mallory\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).as(action + " " + refused.body()).isEqualTo(409);
                assertThat(JSON.readTree(refused.body()).path("code").asText()).isEqualTo("conflict");
            }
            assertThat(calm.outcome().get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.PASSED);
        }
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/witness/console")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/api/witness/sessions").contains("接管").contains("关闭");
        HttpResponse<java.util.stream.Stream<String>> stream = HTTP.send(HttpRequest.newBuilder(URI.create(base()
                + "/api/witness/stream")).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (java.util.stream.Stream<String> lines = stream.body()) {
            String data = lines.filter(l -> l.startsWith("data:")).findFirst().orElseThrow();
            assertThat(JSON.readTree(data.substring(5)).path("capacity").asInt()).isEqualTo(10);
        }
        HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(URI.create(base()
                + "/api/witness/sessions/none/decision")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"approve\",\"supervisor\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(missing.body()).path("code").asText()).isEqualTo("not_found");
        JsonNode openApi = get("/v3/api-docs/witness");
        assertThat(openApi.path("paths").has("/api/witness/sessions/{id}/decision")).isTrue();
        assertThat(openApi.path("paths").has("/api/witness/stream")).isTrue();
    }

    @Test
    void anOffScriptQuestionIsAnsweredThroughTheWitnessRouteAndTheQuestionRepeated() throws Exception {
        try (SimulatedRuntime rt = new SimulatedRuntime(wsUri(), "rt-3", "t3", 2, Duration.ofHours(1), SCHEDULER)) {
            rt.connect();
            String session = id("q");
            rt.join(new SimulatedCustomer(session, applicant(4), Persona.COOPERATIVE));
            // the first turn is spoken in segments (greeting, then the question): wait for the one that asks
            await(() -> rt.received(ServerFrame.Speak.class).stream().anyMatch(ServerFrame.Speak::expectsReply),
                    "first question");
            ServerFrame.Speak question = rt.received(ServerFrame.Speak.class).stream()
                    .filter(ServerFrame.Speak::expectsReply).findFirst().orElseThrow();
            rt.send(new RuntimeFrame.AsrFinal(session, 1, "开户要收费吗？", question.utteranceId()));
            await(() -> rt.received(ServerFrame.Speak.class).size() >= 4, "answer and repeated question");
            List<ServerFrame.Speak> turn = rt.received(ServerFrame.Speak.class).subList(2, 4);
            assertThat(turn.get(0).first()).isTrue();
            assertThat(turn.get(0).text()).isNotBlank().isNotEqualTo(question.text());
            assertThat(turn.get(1).text()).isEqualTo(question.text());
            assertThat(turn.get(1).expectsReply()).isTrue();
            assertThat(engine.session(session).orElseThrow().attempts()).isZero();
        }
    }

    /** A runtime written in JavaScript from docs/protocol.md alone, on the npm 'ws' client. */
    @Test
    void aNodeRuntimeWrittenFromTheProtocolDocCompletesAWitness() throws Exception {
        Path dir = Path.of("src/test/node/witness-runtime");
        boolean installed = Files.isDirectory(dir.resolve("node_modules/ws"));
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("npm package 'ws' is not installed in " + dir + " (scripts/test.sh installs it)");
        }
        Assumptions.assumeTrue(installed, "npm package 'ws' not installed in " + dir + "; run scripts/test.sh");
        String session = id("node");
        Process p = new ProcessBuilder("node", "runtime.mjs", wsUri().toString(), "rt-2", "t2", session)
                .directory(dir.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        JsonNode r = JSON.readTree(out.lines().reduce((a, b) -> b).orElseThrow());
        assertThat(r.path("outcome").asText()).isEqualTo("passed");
        assertThat(r.path("errors").toString())
                .isEqualTo("[\"malformed_frame\",\"unknown_type\",\"malformed_frame\"]");
        assertThat(r.path("refTypes").toString()).isEqualTo("[\"unparsed\",\"teleport\",\"binary\"]");
        assertThat(r.path("pong").asLong()).isEqualTo(7);
        assertThat(r.path("acks")).hasSize(9);
        assertThat(r.path("unacked").asInt()).isZero();
        assertThat(r.path("shown").toString()).isEqualTo("[\"id_prompt\",\"text\"]");
        assertThat(get("/api/witness/sessions/" + session + "/audit/verify").path("valid").asBoolean()).isTrue();
    }

    /** The vendors' conformance kit (scripts/witness-conformance.sh server ...) passes against this server. */
    @Test
    void theConformanceKitPassesAgainstTheServer() throws Exception {
        Path dir = Path.of("src/test/node/witness-runtime");
        boolean installed = Files.isDirectory(dir.resolve("node_modules/ws"));
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("npm package 'ws' is not installed in " + dir + " (scripts/test.sh installs it)");
        }
        Assumptions.assumeTrue(installed, "npm package 'ws' not installed in " + dir + "; run scripts/test.sh");
        Process p = new ProcessBuilder("node", "conformance.mjs", "server", wsUri().toString(), "rt-3", "t3")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).as(out).doesNotContain("FAIL");
        assertThat(out.lines().filter(l -> l.startsWith("PASS"))).hasSize(9);
        assertThat(p.exitValue()).as(out).isZero();
    }

    private void frameBeforeHelloIsRefused(SimulatedRuntime rt) throws Exception {
        rt.open();
        rt.sendRaw("{\"type\":\"asr.final\",\"session\":\"s\",\"seq\":1,\"text\":\"是\"}");
        assertThat(rt.closed().get(10, TimeUnit.SECONDS)).startsWith("1008");
        assertThat(rt.received(ServerFrame.Error.class)).extracting(ServerFrame.Error::code)
                .containsExactly(ErrorCode.UNAUTHENTICATED);
    }

    private SimulatedRuntime runtime(String id, String token) {
        return new SimulatedRuntime(wsUri(), id, token, 10, Duration.ZERO, SCHEDULER);
    }

    private URI wsUri() {
        return URI.create("ws://127.0.0.1:" + port + "/ws/runtime");
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private JsonNode post(String sessionId, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/witness/sessions/"
                        + sessionId + "/decision")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private void awaitStatus(String sessionId, SessionStatus status) throws InterruptedException {
        await(() -> engine.session(sessionId).map(v -> v.status() == status).orElse(false), sessionId + " " + status);
    }

    private void awaitStep(String sessionId, int step) throws InterruptedException {
        await(() -> engine.session(sessionId).map(v -> v.stepIndex() >= step).orElse(false), sessionId + " step");
    }

    private void awaitOffline(String sessionId) throws InterruptedException {
        await(() -> engine.session(sessionId).map(v -> !v.online()).orElse(false), sessionId + " offline");
    }

    private static void awaitFrames(SimulatedRuntime rt, int count) throws InterruptedException {
        await(() -> rt.received().size() >= count, "frames");
        Thread.sleep(200);
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Applicant applicant(int n) {
        String[] names = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄涛", "周杰"};
        return new Applicant("APP-" + n, names[n % names.length], "11010119900307" + (1230 + n),
                "示例证券", "普通证券账户");
    }
}
