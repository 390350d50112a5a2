package org.finassist.server.witness;

import org.finassist.dh.audit.AuditLog;
import org.finassist.dh.audit.AuditRecord;
import org.finassist.dh.audit.HashChain;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Audit trail in {@code dh_audit_record}. Each insert commits on its own (auto-commit) before {@link #append}
 * returns. The chain head is cached per session; another node appending meanwhile shows up as a duplicate key,
 * after which the head is re-read and the append retried.
 */
final class JdbcAuditLog implements AuditLog {

    private static final RowMapper<AuditRecord> ROW = (rs, i) -> new AuditRecord(rs.getString("session_id"),
            rs.getLong("seq"), rs.getLong("at_millis"), rs.getString("kind"), rs.getString("actor"),
            HashChain.parse(rs.getString("payload")), rs.getString("prev_hash"), rs.getString("record_hash"));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, AuditRecord> heads = new ConcurrentHashMap<>();

    JdbcAuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public AuditRecord append(String sessionId, String kind, String actor, Map<String, String> data) {
        try {
            return insertAfter(head(sessionId), sessionId, kind, actor, data);
        } catch (DuplicateKeyException raced) {
            heads.remove(sessionId);
            return insertAfter(head(sessionId), sessionId, kind, actor, data);
        }
    }

    private AuditRecord insertAfter(AuditRecord head, String sessionId, String kind, String actor,
                                    Map<String, String> data) {
        AuditRecord next = HashChain.next(sessionId, head == null ? 0 : head.seq(),
                head == null ? HashChain.GENESIS : head.hash(), clock.millis(), kind, actor, data);
        jdbc.update("INSERT INTO dh_audit_record (session_id, seq, at_millis, kind, actor, payload, prev_hash, "
                        + "record_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", next.sessionId(), next.seq(), next.atMillis(),
                next.kind(), next.actor(), HashChain.canonical(next.data()), next.prevHash(), next.hash());
        heads.put(sessionId, next);
        return next;
    }

    private AuditRecord head(String sessionId) {
        AuditRecord cached = heads.get(sessionId);
        if (cached != null) {
            return cached;
        }
        List<AuditRecord> last = jdbc.query("SELECT * FROM dh_audit_record WHERE session_id = ? ORDER BY seq DESC "
                + "LIMIT 1", ROW, sessionId);
        return last.isEmpty() ? null : last.getFirst();
    }

    @Override
    public List<AuditRecord> read(String sessionId) {
        return jdbc.query("SELECT * FROM dh_audit_record WHERE session_id = ? ORDER BY seq", ROW, sessionId);
    }

    /** Ended sessions no longer need their head cached. */
    void forget(String sessionId) {
        heads.remove(sessionId);
    }
}
