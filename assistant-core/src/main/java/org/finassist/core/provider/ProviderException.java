package org.finassist.core.provider;

import org.finassist.core.chat.Usage;

import java.time.Duration;

/**
 * A failed provider call, classified. {@code retryAfter} is the upstream's Retry-After when it sent one;
 * {@link #billedUsage()} the tokens an interrupted stream had already cost (the provider bills them).
 */
public final class ProviderException extends RuntimeException {

    private final FailureKind kind;
    private final int httpStatus;
    private final transient Duration retryAfter;
    private transient Usage billedUsage;
    private boolean usageEstimated;

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

    /** Attaches what the interrupted call consumed: the last cumulative usage seen, or an estimate. */
    public ProviderException withBilledUsage(Usage usage, boolean estimated) {
        this.billedUsage = usage;
        this.usageEstimated = estimated;
        return this;
    }

    /** Tokens consumed before the failure, or null when nothing was generated. */
    public Usage billedUsage() {
        return billedUsage;
    }

    /** Whether {@link #billedUsage()} is our estimate rather than the provider's count. */
    public boolean usageEstimated() {
        return usageEstimated;
    }
}
