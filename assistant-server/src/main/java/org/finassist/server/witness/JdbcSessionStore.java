package org.finassist.server.witness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.dh.session.SessionSnapshot;
import org.finassist.dh.session.SessionStatus;
import org.finassist.dh.session.SessionStore;
import org.finassist.dh.session.StaleSessionException;
import org.springframework.dao.DuplicateKeyException;
import org.finassist.server.security.ColumnCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Session state as JSON in {@code dh_session}, readable by every node. The row's {@code version} column is the
 * optimistic lock (the JSON's copy is ignored on read); the insert of a new session claims it for this node.
 */
final class JdbcSessionStore implements SessionStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Session columns with the owner node's liveness (dh_node), so one query lists sessions online or not. */
    private static final String COLUMNS = "s.state, s.version, s.owner_node, COALESCE(n.seen_millis, 0)";
    private static final String FROM = " FROM dh_session s LEFT JOIN dh_node n ON n.node_id = s.owner_node";
    private final RowMapper<StoredSession> stored = (rs, i) -> new StoredSession(
            read(rs.getString(1)).atVersion(rs.getLong(2)), rs.getString(3), rs.getLong(4));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String nodeId;

    JdbcSessionStore(JdbcTemplate jdbc, Clock clock, String nodeId, ColumnCipher cipher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.nodeId = nodeId;
        this.cipher = cipher;
    }

    @Override
    public long save(SessionSnapshot s) {
        // the state holds the applicant (name, ID number) and the transcript: encrypted at rest
        String state = cipher.encrypt(write(s));
        long now = clock.millis();
        if (s.version() == 0) {
            try {
                jdbc.update("INSERT INTO dh_session (session_id, runtime_id, status, state, updated_at_millis, version, "
                                + "owner_node, started_at_millis) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
                        s.sessionId(), s.runtimeId(), s.status().name(), state, now, nodeId, s.startedAtMillis());
                return 1;
            } catch (DuplicateKeyException e) {
                throw new StaleSessionException(s.sessionId(), 0);
            }
        }
        int updated = jdbc.update("UPDATE dh_session SET status = ?, state = ?, updated_at_millis = ?, "
                        + "version = version + 1 WHERE session_id = ? AND version = ?",
                s.status().name(), state, now, s.sessionId(), s.version());
        if (updated == 0) {
            throw new StaleSessionException(s.sessionId(), s.version());
        }
        return s.version() + 1;
    }

    @Override
    public Optional<SessionSnapshot> load(String sessionId) {
        return jdbc.query("SELECT " + COLUMNS + FROM + " WHERE s.session_id = ?", stored, sessionId).stream()
                .findFirst().map(StoredSession::snapshot);
    }

    @Override
    public List<SessionSnapshot> unfinished(String runtimeId) {
        return jdbc.query("SELECT " + COLUMNS + FROM + " WHERE s.runtime_id = ? AND s.status <> ?", stored,
                runtimeId, SessionStatus.ENDED.name()).stream().map(StoredSession::snapshot).toList();
    }

    @Override
    public List<StoredSession> open(int limit) {
        return jdbc.query("SELECT " + COLUMNS + FROM + " WHERE s.status <> ? ORDER BY CASE WHEN s.status = ? "
                        + "THEN 0 ELSE 1 END, s.started_at_millis, s.session_id LIMIT ?", stored,
                SessionStatus.ENDED.name(), SessionStatus.ESCALATED.name(), limit);
    }

    @Override
    public List<StoredSession> recentlyEnded(int limit) {
        return jdbc.query("SELECT " + COLUMNS + FROM + " WHERE s.status = ? ORDER BY s.updated_at_millis DESC "
                + "LIMIT ?", stored, SessionStatus.ENDED.name(), limit);
    }

    @Override
    public void claim(String runtimeId, String node, long nowMillis) {
        renew(node, nowMillis);
        jdbc.update("UPDATE dh_session SET owner_node = ? WHERE runtime_id = ? AND status <> ?", node, runtimeId,
                SessionStatus.ENDED.name());
    }

    @Override
    public void release(String runtimeId, String node) {
        jdbc.update("UPDATE dh_session SET owner_node = NULL WHERE runtime_id = ? AND owner_node = ?", runtimeId,
                node);
    }

    @Override
    public void renew(String node, long nowMillis) {
        if (jdbc.update("UPDATE dh_node SET seen_millis = ? WHERE node_id = ?", nowMillis, node) == 0) {
            try {
                jdbc.update("INSERT INTO dh_node (node_id, seen_millis) VALUES (?, ?)", node, nowMillis);
            } catch (DuplicateKeyException e) {
                // another thread of this node inserted it first: the row is fresh either way
            }
        }
    }

    @Override
    public Optional<String> owner(String sessionId, long sinceMillis) {
        return jdbc.queryForList("SELECT s.owner_node" + FROM + " WHERE s.session_id = ? AND n.seen_millis >= ?",
                String.class, sessionId, sinceMillis).stream().findFirst();
    }

    @Override
    public Optional<String> runtimeOwner(String runtimeId) {
        return jdbc.queryForList("SELECT s.owner_node" + FROM + " WHERE s.runtime_id = ? AND s.status <> ? AND "
                        + "s.owner_node IS NOT NULL ORDER BY n.seen_millis DESC LIMIT 1", String.class, runtimeId,
                SessionStatus.ENDED.name()).stream().findFirst();
    }

    private final ColumnCipher cipher;

    private static String write(SessionSnapshot s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise session " + s.sessionId(), e);
        }
    }

    private SessionSnapshot read(String stored) {
        try {
            return JSON.readValue(cipher.decrypt(stored), SessionSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored session state is unreadable", e);
        }
    }
}
