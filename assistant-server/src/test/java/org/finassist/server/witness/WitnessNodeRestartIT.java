package org.finassist.server.witness;

import org.finassist.dh.protocol.Outcome;
import org.finassist.dh.protocol.ServerFrame;
import org.finassist.dh.session.WitnessEngine;
import org.finassist.dh.simulator.Persona;
import org.finassist.dh.simulator.SimulatedCustomer;
import org.finassist.dh.simulator.SimulatedRuntime;
import org.finassist.server.FinAssistApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server node is stopped abruptly mid-session (immediate shutdown, connections cut); the runtime reconnects to
 * a second node on the same database, which resumes the sessions. No acknowledged answer may be missing.
 */
class WitnessNodeRestartIT {

    @BeforeAll
    static void database() {
        WitnessPg.resetSchemaOrSkip();
    }

    @Test
    void anotherNodeResumesAndNoAcknowledgedRecordIsLost() throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        List<SimulatedCustomer> customers = List.of(
                new SimulatedCustomer("node-a-1", WitnessWebSocketIT.applicant(1), Persona.COOPERATIVE),
                new SimulatedCustomer("node-a-2", WitnessWebSocketIT.applicant(2), Persona.NOISY),
                new SimulatedCustomer("node-a-3", WitnessWebSocketIT.applicant(3), Persona.HESITANT));
        List<ServerFrame.Ack> acksFromA;
        ConfigurableApplicationContext nodeA = start();
        try {
            SimulatedRuntime rt = new SimulatedRuntime(uri(nodeA), "rt-1", "t1", 5, Duration.ofMillis(150), scheduler);
            rt.connect();
            customers.forEach(rt::join);
            WitnessEngine engine = nodeA.getBean(WitnessEngine.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (engine.session("node-a-1").map(v -> v.stepIndex() < 4).orElse(true)
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            acksFromA = rt.received(ServerFrame.Ack.class);
        } finally {
            nodeA.close();
        }
        assertThat(acksFromA).hasSizeGreaterThanOrEqualTo(4);

        ConfigurableApplicationContext nodeB = start();
        try {
            SimulatedRuntime rt = new SimulatedRuntime(uri(nodeB), "rt-1", "t1", 5, Duration.ofMillis(50), scheduler);
            customers.forEach(rt::adopt);
            ServerFrame welcome = rt.connect();
            assertThat(((ServerFrame.Welcome) welcome).resumedSessions())
                    .containsExactlyInAnyOrder("node-a-1", "node-a-2", "node-a-3");
            for (SimulatedCustomer c : customers) {
                assertThat(c.outcome().get(30, TimeUnit.SECONDS)).as(c.sessionId()).isEqualTo(Outcome.PASSED);
            }
            WitnessEngine reader = nodeB.getBean(WitnessEngine.class);
            for (ServerFrame.Ack ack : acksFromA) {
                assertThat(reader.auditLog().read(ack.sessionId())).filteredOn(r -> r.kind().equals("asr.final"))
                        .filteredOn(r -> Long.toString(ack.seq()).equals(r.data().get("seq")))
                        .as("acknowledged " + ack).hasSize(1);
            }
            WitnessEngine engine = nodeB.getBean(WitnessEngine.class);
            for (SimulatedCustomer c : customers) {
                long expected = engine.sessionStore().load(c.sessionId()).orElseThrow().audit().auditRecords();
                assertThat(engine.auditLog().verify(c.sessionId(), expected).valid()).as(c.sessionId()).isTrue();
            }
            rt.close();
        } finally {
            nodeB.close();
            scheduler.shutdownNow();
        }
    }

    private static ConfigurableApplicationContext start() {
        Map<String, Object> properties = new HashMap<>(WitnessPg.properties());
        properties.put("server.port", "0");
        properties.put("server.shutdown", "immediate");
        // command-line arguments outrank application.yml, as the test's database must
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(FinAssistApplication.class).run(args);
    }

    private static URI uri(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return URI.create("ws://127.0.0.1:" + port + "/ws/runtime");
    }
}
