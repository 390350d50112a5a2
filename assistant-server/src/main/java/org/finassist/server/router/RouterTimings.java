package org.finassist.server.router;

/** Read-only view of the router's per-thread timings, for the gateway's overhead metric. */
public final class RouterTimings {

    private RouterTimings() {
    }

    /** Nanoseconds the last answer on this thread spent waiting for its provider. */
    public static long lastUpstreamNanos() {
        return MicrometerRouterListener.lastUpstreamNanos();
    }
}
