package org.finassist.dh.audit;

import java.util.List;

/**
 * Append-only audit trail of witness sessions. Writers chain records with {@link HashChain#next} and append them
 * in order; an implementation refuses a record that does not continue its session's chain. {@link #append} is
 * durable when it returns, or when the surrounding transaction (see
 * {@link org.finassist.dh.session.Transactions}) commits — callers acknowledge events only after that.
 */
public interface AuditLog {

    /** Stores already-chained records of one or more sessions, in order. */
    void append(List<AuditRecord> records);

    /** The session's records in order. */
    List<AuditRecord> read(String sessionId);

    /**
     * Recomputes the chain. {@code expectedRecords} (from the session's state, or -1 if unknown) also catches
     * records cut off the end.
     */
    default AuditVerification verify(String sessionId, long expectedRecords) {
        return HashChain.verify(sessionId, read(sessionId), expectedRecords);
    }
}
