package org.finassist.server.witness;

import org.finassist.dh.session.SessionView;
import org.finassist.dh.session.SupervisorAction;
import org.finassist.dh.session.WitnessEngine;

/**
 * Gets a supervisor's decision to wherever it can take effect: the node holding the session's runtime
 * connection applies it (so the customer hears it); a session whose runtime is connected nowhere is decided on
 * its stored copy. Implementations: local only (no database) or through the {@code dh_decision} table.
 */
interface DecisionRelay extends AutoCloseable {

    /**
     * Applies the decision and returns the session afterwards.
     *
     * @throws IllegalArgumentException no such session
     * @throws IllegalStateException    the session ended, or the decision cannot be applied now (e.g. take-over
     *                                  of an offline session); the message says why
     */
    SessionView decide(String sessionId, SupervisorAction action, String supervisor);

    @Override
    default void close() {
    }

    /** One node, no database: the engine holds everything there is. */
    static DecisionRelay local(WitnessEngine engine) {
        return (sessionId, action, supervisor) -> {
            if (engine.holds(sessionId)) {
                engine.decide(sessionId, action, supervisor);
                return engine.session(sessionId).orElseThrow();
            }
            return engine.decideOffline(sessionId, action, supervisor);
        };
    }
}
