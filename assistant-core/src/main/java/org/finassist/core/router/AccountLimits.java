package org.finassist.core.router;

import java.time.Duration;
import java.time.Instant;

/**
 * Limits a provider account sets for every node together (concurrency, requests and tokens per minute) and the
 * circuit state all nodes share. The router keeps its per-node bulkhead, rate limiter and circuit breaker; this
 * seam adds the account's view on top, so that 2–10 nodes behind one account never exceed what the account allows
 * and a provider one node found dead is skipped by the others. Implementations live outside this library (the
 * server backs it with PostgreSQL or memory); {@link #NONE} is the single-node behaviour.
 */
public interface AccountLimits {

    /** No account limits and no shared circuit: every call is admitted at no cost. */
    AccountLimits NONE = new AccountLimits() {
        @Override
        public Permit admit(String provider, boolean batch, Duration hold) {
            return Permit.FREE;
        }

        @Override
        public Instant openUntil(String provider) {
            return Instant.EPOCH;
        }

        @Override
        public void opened(String provider, Instant until) {
        }

        @Override
        public void closed(String provider) {
        }
    };

    /**
     * Asks the account of {@code provider} for one call (a {@code batch} call gets the batch's share, the others the
     * whole account). Never blocks longer than the implementation's configured wait.
     *
     * @param hold how long the call may run at most; a concurrency slot of a node that dies lapses after it
     * @return a permit, {@link Permit#refused()} non-null when the account is full
     */
    Permit admit(String provider, boolean batch, Duration hold);

    /** Until when another node (or this one) reported the provider's circuit open; {@link Instant#EPOCH} if closed. */
    Instant openUntil(String provider);

    /** This node opened the provider's circuit: every node skips the provider until {@code until}. */
    void opened(String provider, Instant until);

    /** This node closed the provider's circuit after a successful probe: every node may call it again. */
    void closed(String provider);

    /** One admitted (or refused) call; released exactly once with the tokens the call used. */
    interface Permit {

        /** Admitted, nothing to release: the path of a provider without account limits. */
        Permit FREE = new Permit() {
            @Override
            public String refused() {
                return null;
            }

            @Override
            public void release(long tokens) {
            }
        };

        /** Why the account refused the call (e.g. {@code account_saturated}), or null when admitted. */
        String refused();

        /** Frees the concurrency slot and charges {@code tokens} (prompt + completion) to tokens per minute. */
        void release(long tokens);
    }
}
