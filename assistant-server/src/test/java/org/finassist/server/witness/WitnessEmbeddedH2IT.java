package org.finassist.server.witness;

import org.finassist.server.support.EmbeddedDefaultContext;
import org.finassist.dh.protocol.Outcome;
import org.finassist.dh.protocol.ServerFrame;
import org.finassist.dh.session.WitnessEngine;
import org.finassist.dh.simulator.Persona;
import org.finassist.dh.simulator.SimulatedCustomer;
import org.finassist.dh.simulator.SimulatedRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default: the V40 migration and a full session on H2 in PostgreSQL mode. */
class WitnessEmbeddedH2IT extends EmbeddedDefaultContext {

    @LocalServerPort
    int port;
    @Autowired
    WitnessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    /** A token opens only its own runtime id, and no token reaches the log, accepted or refused. */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void runtimeTokensArePerRuntimeAndNeverLogged(org.springframework.boot.test.system.CapturedOutput output)
            throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        URI ws = URI.create("ws://127.0.0.1:" + port + "/ws/runtime");
        try (SimulatedRuntime own = new SimulatedRuntime(ws, "rt-h2", "h2-token", 1, Duration.ZERO, scheduler);
             SimulatedRuntime other = new SimulatedRuntime(ws, "rt-other", "h2-token", 1, Duration.ZERO, scheduler);
             SimulatedRuntime wrong = new SimulatedRuntime(ws, "rt-h2", "h2-token-guess", 1, Duration.ZERO,
                     scheduler)) {
            assertThat(own.connect()).isInstanceOf(ServerFrame.Welcome.class);
            assertThat(other.connect()).isInstanceOf(ServerFrame.Error.class);
            assertThat(wrong.connect()).isInstanceOf(ServerFrame.Error.class);
        } finally {
            scheduler.shutdownNow();
        }
        assertThat(output.getAll()).contains("invalid runtime token").doesNotContain("h2-token");
    }

    @Test
    void noisyCustomerPassesOnH2AndTheStoredChainVerifies() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        SimulatedCustomer customer = new SimulatedCustomer("h2-1", WitnessWebSocketIT.applicant(3), Persona.NOISY);
        try (SimulatedRuntime rt = new SimulatedRuntime(URI.create("ws://127.0.0.1:" + port + "/ws/runtime"), "rt-h2",
                "h2-token", 2, Duration.ZERO, scheduler)) {
            assertThat(rt.connect()).isInstanceOf(ServerFrame.Welcome.class);
            rt.join(customer);
            assertThat(customer.outcome().get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.PASSED);
        } finally {
            scheduler.shutdownNow();
        }
        long expected = engine.sessionStore().load("h2-1").orElseThrow().audit().auditRecords();
        assertThat(engine.auditLog().verify("h2-1", expected).valid()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dh_audit_record WHERE session_id = 'h2-1'", Long.class))
                .isEqualTo(expected);
        jdbc.update("UPDATE dh_audit_record SET actor = 'supervisor:mallory' WHERE session_id = 'h2-1' AND seq = 2");
        assertThat(engine.auditLog().verify("h2-1", expected).firstBadSeq()).isEqualTo(2);
    }

    @Test
    void aRuntimeThatFallsSilentIsClosedAndItsSessionWaitsOffline() throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        SimulatedCustomer customer = new SimulatedCustomer("h2-silent", WitnessWebSocketIT.applicant(4),
                Persona.COOPERATIVE);
        // the customer "thinks" for an hour: after the greeting only heartbeats cross the connection
        try (SimulatedRuntime rt = new SimulatedRuntime(URI.create("ws://127.0.0.1:" + port + "/ws/runtime"), "rt-h2",
                "h2-token", 2, Duration.ofHours(1), scheduler)) {
            assertThat(rt.connect()).isInstanceOf(ServerFrame.Welcome.class);
            rt.join(customer);
            Thread.sleep(3_500);
            assertThat(rt.closed()).as("heartbeats keep a quiet runtime connected past the 2 s limit").isNotDone();
            assertThat(online("h2-silent")).isTrue();

            rt.goSilent();
            assertThat(rt.closed().get(10, TimeUnit.SECONDS)).contains("heartbeat_timeout");
            long deadline = System.currentTimeMillis() + 5_000;
            while (online("h2-silent") && System.currentTimeMillis() < deadline) Thread.sleep(50);
            assertThat(online("h2-silent")).as("the session waits for the runtime to reconnect").isFalse();
        } finally {
            scheduler.shutdownNow();
        }
    }

    private boolean online(String sessionId) {
        return engine.sessions(100, 1).stream().filter(v -> v.sessionId().equals(sessionId)).findFirst()
                .orElseThrow().online();
    }
}
