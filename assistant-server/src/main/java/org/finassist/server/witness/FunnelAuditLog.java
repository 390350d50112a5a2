package org.finassist.server.witness;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.finassist.dh.audit.AuditLog;
import org.finassist.dh.audit.AuditRecord;
import org.finassist.server.funnel.FunnelEvent;
import org.finassist.server.funnel.FunnelRecorder;

/**
 * Passes the witness engine's audit trail through and tells the opening funnel how witnesses end: escalated to a
 * supervisor, passed, or failed (rejected or abandoned). The application id the opening system relays with the join
 * is the opening session's id. The funnel is told on another thread, after the append: the append runs inside the
 * witness writer's transaction, which a funnel write must never roll back or delay. At shutdown the queue is drained
 * ({@link #drain}) while the database is still open; events after that are dropped with a log line.
 */
final class FunnelAuditLog implements AuditLog {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FunnelAuditLog.class);
    private final AuditLog delegate;
    private final FunnelRecorder funnel;
    private final ExecutorService tell = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("witness-funnel").factory());

    private FunnelAuditLog(AuditLog delegate, FunnelRecorder funnel) {
        this.delegate = delegate;
        this.funnel = funnel;
    }

    static AuditLog wrap(AuditLog delegate, FunnelRecorder funnel) {
        return funnel == null || funnel == FunnelRecorder.NONE ? delegate : new FunnelAuditLog(delegate, funnel);
    }

    @Override
    public void append(List<AuditRecord> records) {
        delegate.append(records);
        for (AuditRecord r : records) {
            event(r).ifPresent(e -> {
                try {
                    tell.execute(() -> applicationId(r.sessionId(), records).ifPresent(id -> funnel.record(id, e)));
                } catch (RejectedExecutionException stopped) {
                    LOG.warn("Funnel event {} of session {} dropped: the node is shutting down", e, r.sessionId());
                }
            });
        }
    }

    static Optional<FunnelEvent> event(AuditRecord r) {
        return switch (r.kind()) {
            case "escalated" -> Optional.of(new FunnelEvent.WitnessEscalated("witness." + code(r.data().get("reason"))));
            case "session.ended" -> Optional.of("passed".equals(r.data().get("outcome"))
                    ? new FunnelEvent.WitnessPassed() : new FunnelEvent.WitnessFailed("witness." + r.data().get("outcome")));
            default -> Optional.empty();
        };
    }

    /** Escalation reasons are free text ("face_missing reported by the runtime"): keep the leading code only. */
    private static String code(String reason) {
        if (reason == null || reason.isBlank()) {
            return "escalated";
        }
        String first = reason.strip().split("\\s+")[0];
        return first.matches("[a-z_]{1,40}") ? first : "escalated";
    }

    private Optional<String> applicationId(String sessionId, List<AuditRecord> batch) {
        return batch.stream().filter(r -> r.sessionId().equals(sessionId) && "session.joined".equals(r.kind()))
                .findFirst().or(() -> delegate.read(sessionId).stream()
                        .filter(r -> "session.joined".equals(r.kind())).findFirst())
                .map(r -> r.data().get("applicationId"));
    }

    @Override
    public List<AuditRecord> read(String sessionId) {
        return delegate.read(sessionId);
    }

    /**
     * Stops taking funnel events and waits up to {@code timeout} for the queued ones to be written; called at
     * shutdown before the DataSource closes (a write after it failed with CannotGetJdbcConnectionException).
     */
    boolean drain(Duration timeout) {
        tell.shutdown();
        try {
            return tell.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
