package org.finassist.dh.audit;

import java.util.List;
import java.util.Map;

/**
 * Append-only audit trail of witness sessions. {@link #append} returns only after the record is durable, so a
 * caller that acknowledges an event after appending it never acknowledges a lost record. Appends for one session
 * must not race (the session engine serialises them); different sessions may append concurrently.
 */
public interface AuditLog {

    /** Chains and stores a record; {@code actor} is "runtime:<id>", "engine" or "supervisor:<id>". */
    AuditRecord append(String sessionId, String kind, String actor, Map<String, String> data);

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
