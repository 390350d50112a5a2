package org.finassist.server.funnel;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the funnel: the event log and, in the same transaction, the session's projection ({@link SessionTally}).
 * A session's events come from one customer, one request at a time, so read-apply-write per event does not race in
 * practice; the abandonment sweep claims a session with a conditional update so two nodes never both mark it.
 */
final class FunnelStore {

    private static final String INSERT_EVENT = "INSERT INTO funnel_event (session_id, at_millis, kind, step_index, "
            + "reason, channel, arm, simulated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_STEP = "INSERT INTO funnel_step (session_id, step_index, simulated, "
            + "started_at_millis, abandoned, entered_at_millis, completed_at_millis, failures, last_reason) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_SESSION = "INSERT INTO funnel_session (session_id, channel, arm, simulated, "
            + "started_at_millis, last_activity_millis, submitted_at_millis, abandoned_at_millis, abandoned_step) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    FunnelStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Creates the session and its {@code started} event. */
    void start(SessionTally t) {
        tx.executeWithoutResult(s -> {
            jdbc.update(INSERT_SESSION, sessionArgs(t));
            insertEvents(t, List.of(new EventRow(t.sessionId, t.startedAt, EventKind.STARTED, null, null)));
        });
    }

    Optional<SessionTally> load(String sessionId) {
        List<SessionTally> found = jdbc.query("SELECT channel, arm, simulated, started_at_millis, last_activity_millis, "
                + "submitted_at_millis, abandoned_at_millis, abandoned_step FROM funnel_session WHERE session_id = ?",
                (rs, i) -> tally(sessionId, rs), sessionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionTally t = found.getFirst();
        jdbc.query("SELECT step_index, entered_at_millis, completed_at_millis, failures, last_reason, abandoned "
                + "FROM funnel_step WHERE session_id = ?", rs -> {
                    t.restore(rs.getInt(1), rs.getLong(2), nullableLong(rs, 3), rs.getInt(4), rs.getString(5),
                            rs.getBoolean(6));
                }, sessionId);
        return Optional.of(t);
    }

    /** Applies one event to a session read in the same transaction and writes both back. */
    void append(String sessionId, EventRow event, SessionTally fallback) {
        tx.executeWithoutResult(s -> {
            SessionTally t = load(sessionId).orElse(null);
            if (t == null) {
                t = fallback;
                jdbc.update(INSERT_SESSION, sessionArgs(t));
            }
            t.apply(event.kind(), event.step(), event.reason(), event.atMillis());
            jdbc.update("UPDATE funnel_session SET last_activity_millis = ?, submitted_at_millis = ?, "
                    + "abandoned_at_millis = ?, abandoned_step = ? WHERE session_id = ?", t.lastActivity,
                    t.submittedAt, t.abandonedAt, t.abandonedStep, t.sessionId);
            writeSteps(t);
            insertEvents(t, List.of(event));
        });
    }

    private void writeSteps(SessionTally t) {
        for (Map.Entry<Integer, SessionTally.Step> e : t.steps.entrySet()) {
            SessionTally.Step st = e.getValue();
            if (st.fresh) {
                jdbc.update(INSERT_STEP, stepArgs(t, e.getKey(), st));
            } else if (st.dirty) {
                jdbc.update("UPDATE funnel_step SET completed_at_millis = ?, failures = ?, last_reason = ?, abandoned = ? "
                        + "WHERE session_id = ? AND step_index = ?", st.completedAt, st.failures, st.lastReason,
                        st.abandoned, t.sessionId, e.getKey());
            }
        }
    }

    /** Writes whole simulated sessions with their events in batches (the simulator's path). */
    void insertAll(Collection<SessionTally> sessions, Map<String, List<EventRow>> events) {
        tx.executeWithoutResult(s -> {
            jdbc.batchUpdate(INSERT_SESSION, sessions.stream().map(FunnelStore::sessionArgs).toList());
            List<Object[]> steps = new ArrayList<>();
            for (SessionTally t : sessions) {
                t.steps.forEach((i, st) -> steps.add(stepArgs(t, i, st)));
            }
            jdbc.batchUpdate(INSERT_STEP, steps);
            for (SessionTally t : sessions) {
                insertEvents(t, events.getOrDefault(t.sessionId, List.of()));
            }
        });
    }

    /**
     * Marks sessions idle since before {@code idleBefore} as abandoned at the moment they became so (last activity
     * plus {@code idleMillis}), each with an {@code abandoned} event; returns how many this call marked.
     */
    int sweepAbandoned(long idleBefore, long idleMillis, int limit) {
        List<SessionTally> idle = jdbc.query("SELECT session_id, channel, arm, simulated, started_at_millis, "
                + "last_activity_millis FROM funnel_session WHERE last_activity_millis < ? AND submitted_at_millis IS NULL "
                + "AND abandoned_at_millis IS NULL ORDER BY last_activity_millis FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> {
                    SessionTally t = new SessionTally(rs.getString(1), rs.getString(2), Arm.of(rs.getString(3)),
                            rs.getBoolean(4), rs.getLong(5));
                    t.lastActivity = rs.getLong(6);
                    return t;
                }, idleBefore);
        int marked = 0;
        for (SessionTally t : idle) {
            Integer step = jdbc.queryForObject("SELECT MAX(step_index) FROM funnel_step WHERE session_id = ?",
                    Integer.class, t.sessionId);
            long at = t.lastActivity + idleMillis;
            Boolean claimed = tx.execute(s -> {
                int n = jdbc.update("UPDATE funnel_session SET abandoned_at_millis = ?, abandoned_step = ? "
                        + "WHERE session_id = ? AND abandoned_at_millis IS NULL AND submitted_at_millis IS NULL "
                        + "AND last_activity_millis = ?", at, step, t.sessionId, t.lastActivity);
                if (n == 1) {
                    jdbc.update("UPDATE funnel_step SET abandoned = TRUE WHERE session_id = ? AND step_index = ?",
                            t.sessionId, step);
                    insertEvents(t, List.of(new EventRow(t.sessionId, at, EventKind.ABANDONED, step, null)));
                }
                return n == 1;
            });
            marked += Boolean.TRUE.equals(claimed) ? 1 : 0;
        }
        return marked;
    }

    private void insertEvents(SessionTally t, List<EventRow> events) {
        jdbc.batchUpdate(INSERT_EVENT, events, 1000, (PreparedStatement ps, EventRow e) -> {
            ps.setString(1, e.sessionId());
            ps.setLong(2, e.atMillis());
            ps.setString(3, e.kind().code());
            if (e.step() == null) {
                ps.setNull(4, Types.INTEGER);
            } else {
                ps.setInt(4, e.step());
            }
            ps.setString(5, e.reason());
            ps.setString(6, t.channel);
            ps.setString(7, t.arm.code());
            ps.setBoolean(8, t.simulated);
        });
    }

    private static Object[] stepArgs(SessionTally t, int index, SessionTally.Step st) {
        return new Object[] {t.sessionId, index, t.simulated, t.startedAt, st.abandoned, st.enteredAt, st.completedAt,
            st.failures, st.lastReason};
    }

    private static Object[] sessionArgs(SessionTally t) {
        return new Object[] {t.sessionId, t.channel, t.arm.code(), t.simulated, t.startedAt, t.lastActivity,
            t.submittedAt, t.abandonedAt, t.abandonedStep};
    }

    private static SessionTally tally(String id, ResultSet rs) throws SQLException {
        SessionTally t = new SessionTally(id, rs.getString(1), Arm.of(rs.getString(2)), rs.getBoolean(3), rs.getLong(4));
        t.lastActivity = rs.getLong(5);
        t.submittedAt = nullableLong(rs, 6);
        t.abandonedAt = nullableLong(rs, 7);
        int step = rs.getInt(8);
        t.abandonedStep = rs.wasNull() ? null : step;
        return t;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
