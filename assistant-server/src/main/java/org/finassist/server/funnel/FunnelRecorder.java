package org.finassist.server.funnel;

/**
 * Where the opening guide reports its funnel events. Implementations must never fail the customer's request: a
 * funnel that cannot be written is logged and the opening goes on.
 */
public interface FunnelRecorder {

    /**
     * Starts a session from {@code channel} (the {@code channel}/{@code utm_source} parameter, normalised; blank is
     * {@code direct}) and returns its experiment arm, decided deterministically from the session id.
     */
    Arm start(String sessionId, String channel);

    /** The session's experiment arm: deterministic, the same on every node and every call. */
    Arm arm(String sessionId);

    /** Records one event of a started session, timed now. */
    void record(String sessionId, FunnelEvent event);

    /** Records nothing; guidance for everyone. For nodes and tests without the funnel. */
    FunnelRecorder NONE = new FunnelRecorder() {
        @Override
        public Arm start(String sessionId, String channel) {
            return Arm.GUIDED;
        }

        @Override
        public Arm arm(String sessionId) {
            return Arm.GUIDED;
        }

        @Override
        public void record(String sessionId, FunnelEvent event) {
        }
    };
}
