package org.finassist.dh.session;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Session state held in memory: for tests and a single node without a database. */
public final class InMemorySessionStore implements SessionStore {

    private final Map<String, SessionSnapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<String, Owner> owners = new ConcurrentHashMap<>();
    private final Map<String, Long> updated = new ConcurrentHashMap<>();

    private record Owner(String nodeId, long seenMillis) {
    }

    @Override
    public synchronized long save(SessionSnapshot snapshot) {
        SessionSnapshot stored = snapshots.get(snapshot.sessionId());
        long storedVersion = stored == null ? 0 : stored.version();
        if (stored != null && storedVersion != snapshot.version()) {
            throw new StaleSessionException(snapshot.sessionId(), snapshot.version());
        }
        long next = stored == null ? 1 : storedVersion + 1;
        snapshots.put(snapshot.sessionId(), snapshot.atVersion(next));
        updated.put(snapshot.sessionId(), System.nanoTime());
        return next;
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

    @Override
    public List<StoredSession> open(int limit) {
        return snapshots.values().stream().filter(s -> s.status() != SessionStatus.ENDED)
                .sorted(Comparator.comparing((SessionSnapshot s) -> s.status() != SessionStatus.ESCALATED)
                        .thenComparingLong(SessionSnapshot::startedAtMillis))
                .limit(limit).map(this::stored).toList();
    }

    @Override
    public List<StoredSession> recentlyEnded(int limit) {
        return snapshots.values().stream().filter(s -> s.status() == SessionStatus.ENDED)
                .sorted(Comparator.comparingLong((SessionSnapshot s) -> updated.getOrDefault(s.sessionId(), 0L))
                        .reversed())
                .limit(limit).map(this::stored).toList();
    }

    @Override
    public void claim(String runtimeId, String nodeId, long nowMillis) {
        owners.put(runtimeId, new Owner(nodeId, nowMillis));
    }

    @Override
    public void release(String runtimeId, String nodeId) {
        owners.computeIfPresent(runtimeId, (id, o) -> o.nodeId().equals(nodeId) ? null : o);
    }

    @Override
    public void renew(String nodeId, long nowMillis) {
        owners.replaceAll((id, o) -> o.nodeId().equals(nodeId) ? new Owner(nodeId, nowMillis) : o);
    }

    @Override
    public Optional<String> owner(String sessionId, long sinceMillis) {
        SessionSnapshot s = snapshots.get(sessionId);
        Owner o = s == null ? null : owners.get(s.runtimeId());
        return o != null && o.seenMillis() >= sinceMillis ? Optional.of(o.nodeId()) : Optional.empty();
    }

    @Override
    public Optional<String> runtimeOwner(String runtimeId) {
        return Optional.ofNullable(owners.get(runtimeId)).map(Owner::nodeId);
    }

    private StoredSession stored(SessionSnapshot s) {
        Owner o = owners.get(s.runtimeId());
        return new StoredSession(s, o == null ? null : o.nodeId(), o == null ? 0 : o.seenMillis());
    }
}
