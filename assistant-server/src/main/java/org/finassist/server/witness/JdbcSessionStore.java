package org.finassist.server.witness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.dh.session.SessionSnapshot;
import org.finassist.dh.session.SessionStatus;
import org.finassist.dh.session.SessionStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Session state as JSON in {@code dh_session}, readable by every node. */
final class JdbcSessionStore implements SessionStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcSessionStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void save(SessionSnapshot s) {
        String state = write(s);
        long now = clock.millis();
        int updated = jdbc.update("UPDATE dh_session SET status = ?, state = ?, updated_at_millis = ? "
                + "WHERE session_id = ?", s.status().name(), state, now, s.sessionId());
        if (updated == 0) {
            jdbc.update("INSERT INTO dh_session (session_id, runtime_id, status, state, updated_at_millis) "
                    + "VALUES (?, ?, ?, ?, ?)", s.sessionId(), s.runtimeId(), s.status().name(), state, now);
        }
    }

    @Override
    public Optional<SessionSnapshot> load(String sessionId) {
        return jdbc.query("SELECT state FROM dh_session WHERE session_id = ?", (rs, i) -> read(rs.getString(1)),
                sessionId).stream().findFirst();
    }

    @Override
    public List<SessionSnapshot> unfinished(String runtimeId) {
        return jdbc.query("SELECT state FROM dh_session WHERE runtime_id = ? AND status <> ?",
                (rs, i) -> read(rs.getString(1)), runtimeId, SessionStatus.ENDED.name());
    }

    private static String write(SessionSnapshot s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise session " + s.sessionId(), e);
        }
    }

    private static SessionSnapshot read(String json) {
        try {
            return JSON.readValue(json, SessionSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored session state is unreadable", e);
        }
    }
}
