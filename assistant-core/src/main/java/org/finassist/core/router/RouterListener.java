package org.finassist.core.router;

import org.finassist.core.chat.Attempt;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.Usage;

import java.math.BigDecimal;

/** Observes the router for metrics and logs; calls arrive on the requesting thread and must be cheap. */
public interface RouterListener {

    RouterListener NONE = new RouterListener() {
    };

    /** A candidate was tried (ok or failed) or skipped. */
    default void attempt(String route, Attempt attempt) {
    }

    /**
     * An answer was delivered. {@code upstreamNanos} is the time spent waiting for the provider, so callers can
     * tell the router's own overhead from the provider's latency.
     */
    default void completed(String route, Completion completion, long latencyNanos, long firstTokenNanos,
                           long upstreamNanos) {
    }

    /** A request ended in an error after all candidates (or a broken stream). */
    default void failed(String route, String kind) {
    }

    /** The caller went away; the call in flight was aborted and no further candidate was started. */
    default void cancelled(String route) {
    }

    /**
     * An interrupted call that the provider bills anyway (a stream cut after tokens were generated).
     * {@code estimated} says the counts are ours, not the provider's.
     */
    default void billedInterrupted(String route, String provider, String model, Usage usage, BigDecimal costCny,
                                   boolean estimated) {
    }
}
