package org.finassist.server.witness;

import org.finassist.dh.session.SessionView;
import org.finassist.dh.session.SupervisorAction;
import org.finassist.dh.session.WitnessEngine;
import org.finassist.server.cluster.ClusterBus;
import org.finassist.server.cluster.ClusterEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import java.sql.PreparedStatement;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Decisions across nodes through {@code dh_decision}. The deciding node inserts a pending row addressed to the
 * owner node, announces it on the {@link ClusterBus} and waits; the owner takes the row by a conditional update
 * as soon as the notification arrives, applies it, records the result and announces that, which wakes the waiting
 * node. Polling stays as the fallback for a lost notification and for H2: every node polls for rows addressed to
 * it (an indexed query every 200 ms, every second while the bus is listening), and the waiting node re-reads its
 * row at least every 25 ms. A row nobody took within the wait is cancelled by the same conditional update, and then
 * decided on the stored copy: a crashed owner cannot keep a session undecidable, and no decision runs twice.
 */
final class JdbcDecisionRelay implements DecisionRelay {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDecisionRelay.class);
    private static final String PENDING = "pending";
    private static final String TAKEN = "taken";
    private static final String DONE = "done";
    private static final String FAILED = "failed";
    private static final String CANCELLED = "cancelled";

    private final WitnessEngine engine;
    private final JdbcTemplate jdbc;
    private final Duration wait;
    private final ClusterBus bus;
    private final Object settled = new Object();
    private int ticks;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("witness-decisions").factory());

    JdbcDecisionRelay(WitnessEngine engine, JdbcTemplate jdbc, Duration wait, Duration pollEvery, ClusterBus bus) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.wait = wait;
        this.bus = bus;
        poller.scheduleWithFixedDelay(this::poll, pollEvery.toMillis(), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
        bus.subscribe(ClusterEvent.class, this::heard);
    }

    private void heard(ClusterEvent event) {
        switch (event) {
            case ClusterEvent.DecisionPending p when p.targetNode().equals(engine.nodeId()) ->
                    poller.execute(this::applyPending);
            case ClusterEvent.Resync r -> poller.execute(this::applyPending);
            case ClusterEvent.DecisionSettled s -> {
                synchronized (settled) {
                    settled.notifyAll();
                }
            }
            default -> {
            }
        }
    }

    /** The fallback poll: every tick without the bus, every fifth while notifications arrive. */
    private void poll() {
        if (!bus.listening() || ++ticks % 5 == 0) {
            applyPending();
        }
    }

    @Override
    public SessionView decide(String sessionId, SupervisorAction action, String supervisor) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (engine.holds(sessionId)) {
                engine.decide(sessionId, action, supervisor);
                return engine.session(sessionId).orElseThrow();
            }
            Optional<String> owner = engine.owner(sessionId).filter(n -> !n.equals(engine.nodeId()));
            if (owner.isEmpty()) {
                return engine.decideOffline(sessionId, action, supervisor);
            }
            Optional<SessionView> relayed = relay(sessionId, owner.get(), action, supervisor);
            if (relayed.isPresent()) {
                return relayed.get();
            }
        }
        throw new IllegalStateException("Session " + sessionId + " kept moving between nodes; decide again");
    }

    /** Empty when the owner no longer held the session (the runtime moved on): route again. */
    private Optional<SessionView> relay(String sessionId, String owner, SupervisorAction action, String supervisor) {
        Long id = insert(sessionId, owner, action, supervisor);
        bus.publish(new ClusterEvent.DecisionPending(owner));
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> row = jdbc.queryForMap("SELECT status, result FROM dh_decision WHERE id = ?", id);
            String status = (String) row.get("status");
            String result = (String) row.get("result");
            switch (status) {
                case DONE -> {
                    return engine.session(sessionId);
                }
                case FAILED -> {
                    if (result != null && result.startsWith("moved")) {
                        return Optional.empty();
                    }
                    throw failure(result);
                }
                default -> sleep();
            }
        }
        if (jdbc.update("UPDATE dh_decision SET status = ? WHERE id = ? AND status = ?", CANCELLED, id, PENDING) == 1) {
            LOG.warn("Node {} did not take the decision on session {} within {}; deciding on the stored copy", owner,
                    sessionId, wait);
            return Optional.of(engine.decideOffline(sessionId, action, supervisor));
        }
        throw new IllegalStateException("Node " + owner + " is still applying the decision on " + sessionId);
    }

    private Long insert(String sessionId, String owner, SupervisorAction action, String supervisor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO dh_decision (session_id, target_node, action, "
                    + "text, supervisor, status, created_at_millis) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, sessionId);
            ps.setString(2, owner);
            ps.setString(3, wireName(action));
            ps.setString(4, text(action));
            ps.setString(5, supervisor);
            ps.setString(6, PENDING);
            ps.setLong(7, System.currentTimeMillis());
            return ps;
        }, key);
        return Objects.requireNonNull(key.getKey(), "generated id").longValue();
    }

    /** Applies the pending decisions addressed to this node. */
    void applyPending() {
        try {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, session_id, action, text, supervisor FROM "
                    + "dh_decision WHERE target_node = ? AND status = ?", engine.nodeId(), PENDING);
            for (Map<String, Object> row : rows) {
                long id = ((Number) row.get("id")).longValue();
                if (jdbc.update("UPDATE dh_decision SET status = ? WHERE id = ? AND status = ?", TAKEN, id, PENDING)
                        == 1) {
                    apply(id, (String) row.get("session_id"), (String) row.get("action"), (String) row.get("text"),
                            (String) row.get("supervisor"));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Polling witness decisions failed: {}", e.toString());
        }
    }

    private void apply(long id, String sessionId, String action, String text, String supervisor) {
        String status = DONE;
        String result = "ok";
        try {
            if (!engine.holds(sessionId)) {
                status = FAILED;
                result = "moved: this node no longer holds the session";
            } else {
                engine.decide(sessionId, action(action, text), supervisor);
            }
        } catch (IllegalArgumentException e) {
            status = FAILED;
            result = "unknown: " + e.getMessage();
        } catch (RuntimeException e) {
            status = FAILED;
            result = "conflict: " + e.getMessage();
        }
        jdbc.update("UPDATE dh_decision SET status = ?, result = ? WHERE id = ?", status, result, id);
        bus.publish(new ClusterEvent.DecisionSettled(id));
    }

    private static RuntimeException failure(String result) {
        if (result != null && result.startsWith("unknown")) {
            return new IllegalArgumentException(result.substring(result.indexOf(':') + 2));
        }
        return new IllegalStateException(result == null ? "decision failed on the owning node"
                : result.substring(result.indexOf(':') + 2));
    }

    /** Until a decision settles somewhere (a notification) or 25 ms pass: the row is re-read either way. */
    private void sleep() {
        try {
            synchronized (settled) {
                settled.wait(25);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the owning node", e);
        }
    }

    static String wireName(SupervisorAction action) {
        return switch (action) {
            case SupervisorAction.Approve a -> "approve";
            case SupervisorAction.Reject r -> "reject";
            case SupervisorAction.TakeOver t -> "takeover";
            case SupervisorAction.RestartStep r -> "restart";
            case SupervisorAction.Close c -> "close";
        };
    }

    private static String text(SupervisorAction action) {
        return switch (action) {
            case SupervisorAction.Approve a -> a.note();
            case SupervisorAction.Reject r -> r.reason();
            case SupervisorAction.TakeOver t -> t.text();
            case SupervisorAction.RestartStep r -> null;
            case SupervisorAction.Close c -> c.reason();
        };
    }

    /** The inverse of {@link #wireName}; also parses the console's request. */
    static SupervisorAction action(String action, String text) {
        return switch (action == null ? "" : action.toLowerCase(Locale.ROOT)) {
            case "approve" -> new SupervisorAction.Approve(text);
            case "reject" -> new SupervisorAction.Reject(text);
            case "takeover" -> new SupervisorAction.TakeOver(text);
            case "restart" -> new SupervisorAction.RestartStep();
            case "close" -> new SupervisorAction.Close(text);
            default -> throw new IllegalArgumentException("action must be approve, reject, takeover, restart or close");
        };
    }

    @Override
    public void close() {
        poller.shutdownNow();
        synchronized (settled) {
            settled.notifyAll();
        }
    }
}
