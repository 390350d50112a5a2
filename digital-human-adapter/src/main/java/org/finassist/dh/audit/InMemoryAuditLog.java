package org.finassist.dh.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Audit log held in memory: for tests and the simulator; not durable. */
public final class InMemoryAuditLog implements AuditLog {

    private final Map<String, List<AuditRecord>> chains = new ConcurrentHashMap<>();

    @Override
    public void append(List<AuditRecord> records) {
        for (AuditRecord record : records) {
            List<AuditRecord> chain = chains.computeIfAbsent(record.sessionId(), id -> new ArrayList<>());
            synchronized (chain) {
                AuditRecord head = chain.isEmpty() ? null : chain.getLast();
                long expectedSeq = head == null ? 1 : head.seq() + 1;
                String expectedPrev = head == null ? HashChain.GENESIS : head.hash();
                if (record.seq() != expectedSeq || !record.prevHash().equals(expectedPrev)) {
                    throw new IllegalStateException("record " + record.seq() + " does not continue the chain of "
                            + record.sessionId());
                }
                chain.add(record);
            }
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
