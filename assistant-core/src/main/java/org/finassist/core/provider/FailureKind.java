package org.finassist.core.provider;

/**
 * Why a provider call failed. Provider-side kinds move the router to the next candidate and (except
 * {@link #QUEUE_TIMEOUT}) count against the provider's circuit breaker; request-side kinds fail fast with the
 * provider's message; {@link #CANCELLED} means our caller went away.
 */
public enum FailureKind {
    CONNECT(true), TIMEOUT(true), RATE_LIMITED(true), SERVER_ERROR(true), OVERLOADED(true),
    INSUFFICIENT_BALANCE(true), AUTH(true), NOT_FOUND(true), MALFORMED_RESPONSE(true), STREAM_BROKEN(true),
    /** A queued stream (DeepSeek's keep-alive comments) did not start within the queue timeout: busy, not broken. */
    QUEUE_TIMEOUT(true),
    BAD_REQUEST(false), CONTEXT_TOO_LONG(false),
    /** The caller cancelled (client disconnected); nobody's fault upstream. */
    CANCELLED(false);

    private final boolean providerSide;

    FailureKind(boolean providerSide) {
        this.providerSide = providerSide;
    }

    public boolean providerSide() {
        return providerSide;
    }

    /** Whether the failure says the provider is unhealthy; a busy queue is a load signal, not a fault. */
    public boolean countsAgainstCircuit() {
        return providerSide && this != QUEUE_TIMEOUT;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Maps an upstream HTTP status and error text to a kind, the same for every OpenAI-compatible flavor. */
    public static FailureKind ofStatus(int status, String body) {
        String text = body == null ? "" : body.toLowerCase(java.util.Locale.ROOT);
        return switch (status) {
            case 400, 413, 422 -> text.contains("context") && (text.contains("length") || text.contains("maximum")
                    || text.contains("too long")) || status == 413 ? CONTEXT_TOO_LONG : BAD_REQUEST;
            case 401, 403 -> AUTH;
            case 402 -> INSUFFICIENT_BALANCE;
            case 404 -> NOT_FOUND;
            case 408 -> TIMEOUT;
            case 429 -> RATE_LIMITED;
            case 503, 529 -> OVERLOADED;
            default -> status >= 500 ? SERVER_ERROR : BAD_REQUEST;
        };
    }
}
