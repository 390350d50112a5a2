package org.finassist.dh.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Audit log held in memory: for tests and the simulator; not durable. */
public final class InMemoryAuditLog implements AuditLog {

    private final Map<String, List<AuditRecord>> chains = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryAuditLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public AuditRecord append(String sessionId, String kind, String actor, Map<String, String> data) {
        List<AuditRecord> chain = chains.computeIfAbsent(sessionId, id -> new ArrayList<>());
        synchronized (chain) {
            AuditRecord head = chain.isEmpty() ? null : chain.getLast();
            AuditRecord next = HashChain.next(sessionId, head == null ? 0 : head.seq(),
                    head == null ? HashChain.GENESIS : head.hash(), clock.millis(), kind, actor, data);
            chain.add(next);
            return next;
        }
    }

    @Override
    public List<AuditRecord> read(String sessionId) {
        List<AuditRecord> chain = chains.getOrDefault(sessionId, List.of());
        synchronized (chain) {
            return List.copyOf(chain);
        }
    }

    /** Test hook: replaces a stored record as an attacker with database access could. */
    public void tamper(AuditRecord replacement) {
        List<AuditRecord> chain = chains.get(replacement.sessionId());
        synchronized (chain) {
            chain.set((int) replacement.seq() - 1, replacement);
        }
    }
}
