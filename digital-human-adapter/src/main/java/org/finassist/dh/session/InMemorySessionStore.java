package org.finassist.dh.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Session state held in memory: for tests and a single node without a database. */
public final class InMemorySessionStore implements SessionStore {

    private final Map<String, SessionSnapshot> snapshots = new ConcurrentHashMap<>();

    @Override
    public void save(SessionSnapshot snapshot) {
        snapshots.put(snapshot.sessionId(), snapshot);
    }

    @Override
    public Optional<SessionSnapshot> load(String sessionId) {
        return Optional.ofNullable(snapshots.get(sessionId));
    }

    @Override
    public List<SessionSnapshot> unfinished(String runtimeId) {
        return snapshots.values().stream()
                .filter(s -> s.runtimeId().equals(runtimeId) && s.status() != SessionStatus.ENDED)
                .toList();
    }
}
