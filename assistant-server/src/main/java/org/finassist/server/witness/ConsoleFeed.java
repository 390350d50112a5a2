package org.finassist.server.witness;

import io.swagger.v3.oas.annotations.media.Schema;
import org.finassist.dh.session.SessionView;

import java.util.List;

/**
 * What the console shows, read from the database so every node shows the same: open sessions (live, escalated
 * and offline alike; escalated first), the recently ended ones and this node's turn latency.
 */
@Schema(description = "The supervisor console feed (GET /api/witness/sessions and the SSE event 'sessions')")
record ConsoleFeed(
        @Schema(description = "sessions one supervisor watches (the N of 1-to-N)") int capacity,
        @Schema(description = "sessions held in memory by the node that answered") int live,
        @Schema(description = "open sessions of every node, escalated first then oldest first") List<SessionView> sessions,
        @Schema(description = "the ten most recently ended sessions, newest first") List<SessionView> recentlyEnded,
        @Schema(description = "turn latency on the node that answered") Latency turnLatencyMs,
        @Schema(description = "when the feed was read, ISO-8601") String at) {

    /** Milliseconds from an asr.final's arrival to its ack and next question sent. */
    record Latency(double p50, double p99, long turns) {
    }
}
