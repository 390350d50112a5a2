package org.finassist.server.opening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.finassist.ocr.guide.OpeningSession;
import org.finassist.ocr.guide.OpeningSteps;
import org.finassist.server.security.ColumnCipher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Opening sessions as JSON snapshots in {@code opening_session}, readable by every node. Rows untouched for the
 * retention period are deleted whenever a session is created, since they hold personal data.
 */
final class OpeningSessionStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ColumnCipher cipher;
    private final OpeningSteps steps;
    private final Clock clock;
    private final Duration retention;

    /** The state column holds names and ID numbers: it is stored encrypted with {@code cipher}. */
    OpeningSessionStore(JdbcTemplate jdbc, OpeningSteps steps, Clock clock, Duration retention, ColumnCipher cipher) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.steps = steps;
        this.clock = clock;
        this.retention = retention;
    }

    /** A new session belonging to {@code owner} (a customer subject, see Callers). */
    OpeningSession create(String id, String owner) {
        long now = clock.millis();
        jdbc.update("DELETE FROM opening_session WHERE updated_at_millis < ?", now - retention.toMillis());
        OpeningSession session = new OpeningSession(steps);
        jdbc.update("INSERT INTO opening_session (session_id, state, owner, created_at_millis, updated_at_millis) "
                + "VALUES (?, ?, ?, ?, ?)", id, write(session.snapshot()), owner, now, now);
        return session;
    }

    /** The session when it exists, is not expired and belongs to {@code owner}; another owner's is "not found". */
    Optional<OpeningSession> load(String id, String owner) {
        long oldest = clock.millis() - retention.toMillis();
        return jdbc.query("SELECT state FROM opening_session WHERE session_id = ? AND owner = ?"
                        + " AND updated_at_millis >= ?",
                (rs, i) -> OpeningSession.restore(steps, read(rs.getString(1))), id, owner, oldest).stream()
                .findFirst();
    }

    void save(String id, OpeningSession session) {
        jdbc.update("UPDATE opening_session SET state = ?, updated_at_millis = ? WHERE session_id = ?",
                write(session.snapshot()), clock.millis(), id);
    }

    private String write(Map<String, String> snapshot) {
        try {
            return cipher.encrypt(JSON.writeValueAsString(snapshot));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise opening session", e);
        }
    }

    private Map<String, String> read(String stored) {
        try {
            return JSON.readValue(cipher.decrypt(stored), MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt opening session state", e);
        }
    }
}
