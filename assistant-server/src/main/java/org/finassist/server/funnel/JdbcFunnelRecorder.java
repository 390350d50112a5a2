package org.finassist.server.funnel;

import java.time.Clock;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/** Records the guide's events in the database ({@link FunnelStore}); a failed write is logged, never thrown. */
final class JdbcFunnelRecorder implements FunnelRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcFunnelRecorder.class);

    private final FunnelStore store;
    private final StepCatalog steps;
    private final ExperimentSplit split;
    private final Clock clock;

    JdbcFunnelRecorder(FunnelStore store, StepCatalog steps, ExperimentSplit split, Clock clock) {
        this.store = store;
        this.steps = steps;
        this.split = split;
        this.clock = clock;
    }

    @Override
    public Arm start(String sessionId, String channel) {
        Arm arm = split.arm(sessionId);
        try {
            store.start(new SessionTally(sessionId, Channels.normalise(channel), arm, false, clock.millis()));
        } catch (DataAccessException e) {
            LOG.warn("funnel: could not start session {}: {}", sessionId, e.getMostSpecificCause().toString());
        }
        return arm;
    }

    @Override
    public Arm arm(String sessionId) {
        return split.arm(sessionId);
    }

    @Override
    public void record(String sessionId, FunnelEvent event) {
        long now = clock.millis();
        Integer step = null;
        if (event.step() != null) {
            OptionalInt i = steps.index(event.step());
            if (i.isEmpty()) {
                LOG.warn("funnel: unknown step {} in {} ignored", event.step(), event.kind());
                return;
            }
            step = i.getAsInt();
        }
        try {
            // a session started before the funnel existed (or on a node without it) joins as channel "unknown"
            store.append(sessionId, new EventRow(sessionId, now, event.kind(), step, event.reason()),
                    new SessionTally(sessionId, "unknown", split.arm(sessionId), false, now));
        } catch (DataAccessException e) {
            LOG.warn("funnel: could not record {} of session {}: {}", event.kind(), sessionId,
                    e.getMostSpecificCause().toString());
        }
    }
}
