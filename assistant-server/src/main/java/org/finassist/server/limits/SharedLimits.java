package org.finassist.server.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Named limits shared by every node using the same backend. Names are chosen by the caller (e.g.
 * {@code acct:deepseek:rpm}, {@code key:12:tpm}); a bucket or lease set is created on first use.
 */
public interface SharedLimits {

    /** A bucket that holds at most {@code capacity} tokens and refills all of them, gradually, every {@code period}. */
    record Rate(long capacity, Duration period) {
        public Rate {
            if (capacity <= 0 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("A rate needs a positive capacity and period");
            }
        }

        public static Rate perMinute(long capacity) {
            return new Rate(capacity, Duration.ofMinutes(1));
        }
    }

    /** A held concurrency slot; released by {@link #release(Lease)}, or lapsed at {@code expiresAt}. */
    record Lease(String name, String id, Instant expiresAt) {
    }

    /** Takes {@code tokens} from the bucket if it holds that many; false (and nothing taken) otherwise. */
    boolean tryConsume(String bucket, long tokens, Rate rate);

    /**
     * Takes {@code tokens} whether or not the bucket holds them (it may go into debt and refuse until refilled):
     * for usage known only after the fact, such as the tokens an answer used.
     */
    void consume(String bucket, long tokens, Rate rate);

    /** One of {@code limit} slots named {@code name}, held for at most {@code ttl}; empty when all are held. */
    Optional<Lease> tryAcquire(String name, int limit, Duration ttl);

    /** Gives a slot back; releasing twice or after it lapsed is harmless. */
    void release(Lease lease);

    /** Until when the named circuit is open; {@link Instant#EPOCH} when it is closed or was never opened. */
    Instant openUntil(String circuit);

    /** Opens the named circuit until {@code until} (a later time already stored wins). */
    void open(String circuit, Instant until);

    /** Closes the named circuit now. */
    void close(String circuit);
}
