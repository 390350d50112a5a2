package org.finassist.dh.session;

import java.util.List;
import java.util.Optional;

/**
 * Durable session state, shared by every server node; the stored copy is authoritative. Ownership says which
 * node holds the runtime's connection, so any node can list sessions as online or offline and route a
 * supervisor's decision to the node that can speak to the customer.
 */
public interface SessionStore {

    /**
     * Inserts the session (version 0) or replaces it if the stored version is still {@code snapshot.version()};
     * returns the new version once durable.
     *
     * @throws StaleSessionException if the stored version moved on
     */
    long save(SessionSnapshot snapshot);

    Optional<SessionSnapshot> load(String sessionId);

    /** Sessions of this runtime that have not ended, to resume when it reconnects (to any node). */
    List<SessionSnapshot> unfinished(String runtimeId);

    /** Sessions of every runtime that have not ended, escalated first then oldest first, with their owner. */
    List<StoredSession> open(int limit);

    /** The most recently ended sessions, newest first. */
    List<StoredSession> recentlyEnded(int limit);

    /** Records that {@code nodeId} now holds the connection of {@code runtimeId} (its open sessions move along). */
    void claim(String runtimeId, String nodeId, long nowMillis);

    /** The runtime's connection on {@code nodeId} closed; sessions another node claimed meanwhile stay its own. */
    void release(String runtimeId, String nodeId);

    /** Keeps this node's claims fresh; a node that stops renewing (crashed) is treated as gone. */
    void renew(String nodeId, long nowMillis);

    /** The node holding the runtime connection of this session, if its claim is fresher than {@code since}. */
    Optional<String> owner(String sessionId, long sinceMillis);

    /** The node whose claim on the runtime's open sessions is the freshest, if any. */
    Optional<String> runtimeOwner(String runtimeId);

    /** A stored session and the node holding its runtime's connection (null when offline). */
    record StoredSession(SessionSnapshot snapshot, String ownerNode, long ownerSeenMillis) {
    }
}
