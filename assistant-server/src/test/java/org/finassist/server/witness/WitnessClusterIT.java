package org.finassist.server.witness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.dh.protocol.ErrorCode;
import org.finassist.dh.protocol.Outcome;
import org.finassist.dh.protocol.ServerFrame;
import org.finassist.dh.session.SessionStatus;
import org.finassist.dh.session.WitnessEngine;
import org.finassist.dh.simulator.Persona;
import org.finassist.dh.simulator.SimulatedCustomer;
import org.finassist.dh.simulator.SimulatedRuntime;
import org.finassist.server.FinAssistApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server nodes (two application contexts) on one PostgreSQL schema, as behind a round-robin load balancer:
 * a runtime reconnecting A → B → A mid-session keeps getting acks and next questions; a supervisor on B decides a
 * session held on A; a session whose runtime never returns is listed offline and can be closed with a reason.
 */
class WitnessClusterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(4);
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void start() {
        WitnessPg.resetSchemaOrSkip();
        nodeA = node("node-a");
        nodeB = node("node-b");
    }

    @AfterAll
    static void stop() {
        SCHEDULER.shutdownNow();
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void aRuntimeReconnectingAToBToAKeepsGettingAcksAndQuestions() throws Exception {
        SimulatedCustomer c = new SimulatedCustomer("abA-1", WitnessWebSocketIT.applicant(1), Persona.COOPERATIVE);
        SimulatedRuntime onA = runtime(nodeA, "rt-1", "t1", 200);
        onA.connect();
        onA.join(c);
        awaitStep(c.sessionId(), 2);
        onA.abort();

        SimulatedRuntime onB = runtime(nodeB, "rt-1", "t1", 200);
        onB.adopt(c);
        assertThat(((ServerFrame.Welcome) onB.connect()).resumedSessions()).contains(c.sessionId());
        int stepOnB = stepOf(c.sessionId());
        awaitStep(c.sessionId(), stepOnB + 2);
        onB.abort();

        SimulatedRuntime backOnA = runtime(nodeA, "rt-1", "t1", 50);
        backOnA.adopt(c);
        assertThat(((ServerFrame.Welcome) backOnA.connect()).resumedSessions()).contains(c.sessionId());
        assertThat(c.outcome().get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.PASSED);
        assertThat(backOnA.received(ServerFrame.Ack.class)).isNotEmpty();
        assertThat(backOnA.received(ServerFrame.Error.class)).extracting(ServerFrame.Error::code)
                .doesNotContain(ErrorCode.INTERNAL);
        backOnA.close();
        WitnessEngine engine = nodeB.getBean(WitnessEngine.class);
        long records = engine.sessionStore().load(c.sessionId()).orElseThrow().audit().auditRecords();
        assertThat(engine.auditLog().verify(c.sessionId(), records).valid()).isTrue();
        // both nodes list it as ended: the list is read from the database, not from a node's memory
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            JsonNode feed = get(node, "/api/witness/sessions");
            assertThat(feed.path("sessions").findValuesAsText("sessionId")).doesNotContain(c.sessionId());
        }
    }

    @Test
    void aSupervisorOnBDecidesASessionHeldOnA() throws Exception {
        SimulatedCustomer refusing = new SimulatedCustomer("dec-1", WitnessWebSocketIT.applicant(2), Persona.REFUSING);
        try (SimulatedRuntime onA = runtime(nodeA, "rt-2", "t2", 0)) {
            onA.connect();
            onA.join(refusing);
            await(() -> status(nodeB, refusing.sessionId()).equals("ESCALATED"), "escalated, seen from B");
            JsonNode view = post(nodeB, refusing.sessionId(),
                    "{\"action\":\"reject\",\"text\":\"not voluntary\",\"supervisor\":\"alice\"}", 200);
            assertThat(view.path("outcome").asText()).isEqualTo("REJECTED");
            // the customer on A heard it: the decision reached the node holding the connection
            assertThat(refusing.outcome().get(10, TimeUnit.SECONDS)).isEqualTo(Outcome.REJECTED);
        }
    }

    @Test
    void aSessionWhoseRuntimeNeverReturnsIsListedOfflineAndCanBeClosed() throws Exception {
        SimulatedCustomer gone = new SimulatedCustomer("gone-1", WitnessWebSocketIT.applicant(3), Persona.REFUSING);
        SimulatedRuntime onA = runtime(nodeA, "rt-3", "t3", 0);
        onA.connect();
        onA.join(gone);
        await(() -> status(nodeA, gone.sessionId()).equals("ESCALATED"), "escalated");
        onA.abort();
        await(() -> !session(nodeB, gone.sessionId()).path("online").asBoolean(true), "offline, seen from B");

        JsonNode listed = get(nodeB, "/api/witness/sessions");
        assertThat(listed.path("sessions").findValuesAsText("sessionId")).contains(gone.sessionId());
        post(nodeB, gone.sessionId(), "{\"action\":\"takeover\",\"text\":\"您好\",\"supervisor\":\"bob\"}", 409);
        JsonNode closed = post(nodeB, gone.sessionId(),
                "{\"action\":\"close\",\"text\":\"runtime never returned\",\"supervisor\":\"bob\"}", 200);
        assertThat(closed.path("outcome").asText()).isEqualTo("ABANDONED");
        JsonNode audit = get(nodeA, "/api/witness/sessions/" + gone.sessionId() + "/audit");
        assertThat(audit.path("verification").path("valid").asBoolean()).isTrue();
        assertThat(audit.path("records").findValuesAsText("reason")).contains("runtime never returned");
    }

    private static SimulatedRuntime runtime(ConfigurableApplicationContext node, String id, String token, long think) {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        return new SimulatedRuntime(URI.create("ws://127.0.0.1:" + port + "/ws/runtime"), id, token, 5,
                Duration.ofMillis(think), SCHEDULER);
    }

    private static ConfigurableApplicationContext node(String nodeId) {
        Map<String, Object> properties = new HashMap<>(WitnessPg.properties());
        properties.put("server.port", "0");
        properties.put("server.shutdown", "immediate");
        properties.put("finassist.digital-human-adapter.node-id", nodeId);
        properties.put("finassist.digital-human-adapter.decision-wait", "3s");
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(FinAssistApplication.class).run(args);
    }

    private static int stepOf(String sessionId) {
        return nodeB.getBean(WitnessEngine.class).session(sessionId).map(v -> v.stepIndex()).orElse(0);
    }

    private static void awaitStep(String sessionId, int step) throws InterruptedException {
        await(() -> stepOf(sessionId) >= step, sessionId + " at step " + step);
    }

    private static String status(ConfigurableApplicationContext node, String sessionId) {
        return node.getBean(WitnessEngine.class).session(sessionId).map(v -> v.status().name())
                .orElse(SessionStatus.ENDED.name() + "?");
    }

    private static JsonNode session(ConfigurableApplicationContext node, String sessionId) {
        try {
            return get(node, "/api/witness/sessions/" + sessionId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static JsonNode get(ConfigurableApplicationContext node, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base(node) + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode post(ConfigurableApplicationContext node, String sessionId, String body, int status)
            throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base(node) + "/api/witness/sessions/"
                        + sessionId + "/decision")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
