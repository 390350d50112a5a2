package org.finassist.dh.audit;

/** Result of verifying one session's chain; {@code firstBadSeq} is 0 when the chain is intact. */
public record AuditVerification(String sessionId, boolean valid, long records, long firstBadSeq, String problem) {

    static AuditVerification ok(String sessionId, long records) {
        return new AuditVerification(sessionId, true, records, 0, null);
    }

    static AuditVerification broken(String sessionId, long records, long seq, String problem) {
        return new AuditVerification(sessionId, false, records, seq, problem);
    }
}
