package org.finassist.core.chat;

/**
 * A request the router could not serve. {@link Kind#INVALID_REQUEST} and {@link Kind#CONTEXT_TOO_LONG} are the
 * caller's fault (HTTP 400); {@link Kind#STREAM_INTERRUPTED} means a stream failed after its first token;
 * {@link Kind#UNAVAILABLE} means no candidate answered before the deadline (or, when the caller did not allow the
 * local model, that every provider failed); {@link Kind#CANCELLED} that the caller went away.
 */
public final class RouterException extends RuntimeException {

    public enum Kind { INVALID_REQUEST, CONTEXT_TOO_LONG, UNKNOWN_MODEL, STREAM_INTERRUPTED, UNAVAILABLE, DEADLINE, CANCELLED }

    private final Kind kind;
    private final transient RouteTrail trail;

    public RouterException(Kind kind, String message, RouteTrail trail) {
        super(message);
        this.kind = kind;
        this.trail = trail;
    }

    public Kind kind() {
        return kind;
    }

    public RouteTrail trail() {
        return trail;
    }

    public boolean isClientError() {
        return kind == Kind.INVALID_REQUEST || kind == Kind.CONTEXT_TOO_LONG || kind == Kind.UNKNOWN_MODEL;
    }
}
