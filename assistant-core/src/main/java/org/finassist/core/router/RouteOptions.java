package org.finassist.core.router;

import org.finassist.core.chat.Cancellation;

/**
 * How one request may be served.
 *
 * @param cancellation  set when the caller goes away: the call in flight is aborted and no other candidate starts
 * @param localFallback whether the local grounded model may answer when every provider failed; false makes the
 *                      router fail with {@code UNAVAILABLE} instead (API callers that pinned a model, require tools
 *                      or a JSON schema cannot use local prose)
 * @param economy       try the route's candidates cheapest first (by list price of input plus output tokens),
 *                      whatever their rank: a virtual key past its soft budget is downgraded this way
 * @param batch         a batch job's call (commentary): provider accounts give it only the batch's share and keep
 *                      the chat reserve free (see {@link AccountLimits})
 */
public record RouteOptions(Cancellation cancellation, boolean localFallback, boolean economy, boolean batch) {

    /** Not cancellable, local fallback allowed: the product chat and feature modules. */
    public static final RouteOptions DEFAULT = new RouteOptions(Cancellation.NONE, true);

    /** A batch job's calls: as {@link #DEFAULT}, counted against the batch's share of provider accounts. */
    public static final RouteOptions BATCH = new RouteOptions(Cancellation.NONE, true, false, true);

    public RouteOptions {
        cancellation = cancellation == null ? Cancellation.NONE : cancellation;
    }

    /** The route's own candidate order. */
    public RouteOptions(Cancellation cancellation, boolean localFallback) {
        this(cancellation, localFallback, false, false);
    }

    /** Not a batch call; {@code economy} as given. */
    public RouteOptions(Cancellation cancellation, boolean localFallback, boolean economy) {
        this(cancellation, localFallback, economy, false);
    }

    /** The same options, cheapest candidates first. */
    public RouteOptions cheapestFirst() {
        return new RouteOptions(cancellation, localFallback, true, batch);
    }
}
