package org.finassist.core.provider;

import java.time.Duration;

/** A failed provider call, classified. {@code retryAfter} is the upstream's Retry-After when it sent one. */
public final class ProviderException extends RuntimeException {

    private final FailureKind kind;
    private final int httpStatus;
    private final transient Duration retryAfter;

    public ProviderException(FailureKind kind, int httpStatus, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public ProviderException(FailureKind kind, String message) {
        this(kind, 0, message, null, null);
    }

    public FailureKind kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
