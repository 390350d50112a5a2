package org.finassist.core.router;

import org.finassist.core.chat.Cancellation;

/**
 * How one request may be served.
 *
 * @param cancellation  set when the caller goes away: the call in flight is aborted and no other candidate starts
 * @param localFallback whether the local grounded model may answer when every provider failed; false makes the
 *                      router fail with {@code UNAVAILABLE} instead (API callers that pinned a model, require tools
 *                      or a JSON schema cannot use local prose)
 */
public record RouteOptions(Cancellation cancellation, boolean localFallback) {

    /** Not cancellable, local fallback allowed: the product chat and feature modules. */
    public static final RouteOptions DEFAULT = new RouteOptions(Cancellation.NONE, true);

    public RouteOptions {
        cancellation = cancellation == null ? Cancellation.NONE : cancellation;
    }
}
