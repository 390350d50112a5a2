package org.finassist.content.tushare;

import java.util.function.LongSupplier;

/**
 * Spaces calls evenly: at most {@code perMinute} a minute, one every {@code 60 s / perMinute}. A caller waits for
 * its slot; slots are handed out in order, so concurrent callers never burst past the limit.
 */
final class RateLimiter {

    /** Sleeps; the test gives one that records instead. */
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final long spacingNanos;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private long nextFree = Long.MIN_VALUE;

    RateLimiter(int perMinute, LongSupplier clock, Sleeper sleeper) {
        this.spacingNanos = 60_000_000_000L / perMinute;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    static RateLimiter perMinute(int perMinute) {
        return new RateLimiter(perMinute, System::nanoTime, n -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)));
    }

    /** Waits until this caller may make one call. */
    void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = clock.getAsLong();
            long slot = nextFree == Long.MIN_VALUE ? now : Math.max(now, nextFree);
            nextFree = slot + spacingNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }
}
