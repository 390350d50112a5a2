package org.finassist.dh.session;

import java.util.List;
import java.util.Optional;

/** Durable session state, shared by every server node. */
public interface SessionStore {

    /** Inserts or replaces the session's state; returns only once durable. */
    void save(SessionSnapshot snapshot);

    Optional<SessionSnapshot> load(String sessionId);

    /** Sessions of this runtime that have not ended, to resume when it reconnects (to any node). */
    List<SessionSnapshot> unfinished(String runtimeId);
}
