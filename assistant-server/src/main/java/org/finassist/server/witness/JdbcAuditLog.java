package org.finassist.server.witness;

import org.finassist.dh.audit.AuditLog;
import org.finassist.dh.audit.AuditRecord;
import org.finassist.dh.audit.HashChain;
import org.finassist.server.security.ColumnCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Audit trail in {@code dh_audit_record}, one batched insert per handled frame inside the engine's transaction.
 * The primary key (session, seq) refuses a second writer forking a chain. The payload (what the customer and the
 * digital human said, the applicant's name and ID digits read aloud) is kept, as witness records must be, but
 * encrypted at rest (AES-256-GCM, {@link ColumnCipher}); the hash chain covers the plain payload, so verification
 * reads it back through the key. Rows written before encryption are read as they are.
 */
final class JdbcAuditLog implements AuditLog {

    private final JdbcTemplate jdbc;
    private final ColumnCipher cipher;
    private final RowMapper<AuditRecord> row;

    JdbcAuditLog(JdbcTemplate jdbc, ColumnCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.row = (rs, i) -> new AuditRecord(rs.getString("session_id"), rs.getLong("seq"), rs.getLong("at_millis"),
                rs.getString("kind"), rs.getString("actor"), HashChain.parse(cipher.decrypt(rs.getString("payload"))),
                rs.getString("prev_hash"), rs.getString("record_hash"));
    }

    @Override
    public void append(List<AuditRecord> records) {
        requireContinuation(records);
        jdbc.batchUpdate("INSERT INTO dh_audit_record (session_id, seq, at_millis, kind, actor, payload, prev_hash, "
                        + "record_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", records, records.size(),
                (ps, r) -> {
                    ps.setString(1, r.sessionId());
                    ps.setLong(2, r.seq());
                    ps.setLong(3, r.atMillis());
                    ps.setString(4, r.kind());
                    ps.setString(5, r.actor());
                    ps.setString(6, cipher.encrypt(HashChain.canonical(r.data())));
                    ps.setString(7, r.prevHash());
                    ps.setString(8, r.hash());
                });
    }

    @Override
    public List<AuditRecord> read(String sessionId) {
        return jdbc.query("SELECT * FROM dh_audit_record WHERE session_id = ? ORDER BY seq", row, sessionId);
    }

    /**
     * Refuses records that do not continue their session's stored chain (a gap, a forged previous hash); the primary
     * key on (session, seq) refuses a replay and a writer racing on a head read here.
     */
    private void requireContinuation(List<AuditRecord> records) {
        Map<String, Head> heads = new HashMap<>();
        for (AuditRecord r : records) {
            Head head = heads.computeIfAbsent(r.sessionId(), this::storedHead);
            if (r.seq() != head.seq() + 1 || !r.prevHash().equals(head.hash())) {
                throw new IllegalStateException("record " + r.seq() + " does not continue the chain of "
                        + r.sessionId() + " (head " + head.seq() + ")");
            }
            heads.put(r.sessionId(), new Head(r.seq(), r.hash()));
        }
    }

    private Head storedHead(String sessionId) {
        return jdbc.query("SELECT seq, record_hash FROM dh_audit_record WHERE session_id = ? ORDER BY seq DESC "
                        + "LIMIT 1", (rs, i) -> new Head(rs.getLong(1), rs.getString(2)), sessionId).stream()
                .findFirst().orElse(new Head(0, HashChain.GENESIS));
    }

    private record Head(long seq, String hash) {
    }
}
