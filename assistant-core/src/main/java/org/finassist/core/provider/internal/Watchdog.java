package org.finassist.core.provider.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closes a blocking stream when it stays silent too long. The JDK client's request timeout stops at the response
 * headers, so a stalled SSE body needs its own idle timer.
 */
final class Watchdog implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = timer();
    private static final int ARMED = 0;
    private static final int FIRED = 1;
    private static final int DISARMED = 2;

    /**
     * A cancelled timeout leaves the queue at once: every chunk of every stream re-arms its timer, and with Java's
     * default the cancelled tasks would stay queued until their (minutes-long) delay ran out. A no-op task every
     * second stays at the head of the queue, so arming a timeout of a second or more never becomes the head, and
     * only a new head wakes the timer thread (with one call at a time the queue was otherwise empty at each call,
     * and every call woke it).
     */
    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "finassist-stream-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        t.scheduleAtFixedRate(() -> { }, 1, 1, TimeUnit.SECONDS);
        return t;
    }

    private final Runnable onExpiry;
    private ScheduledFuture<?> pending;
    private volatile boolean expired;
    /** The current arming: {@link #ARMED}, then {@link #FIRED} or {@link #DISARMED}, whichever comes first. */
    private AtomicInteger state;

    Watchdog(Runnable onExpiry) {
        this.onExpiry = onExpiry;
    }

    /** (Re)arms the timer for {@code nanos} from now. */
    synchronized void arm(long nanos) {
        if (pending != null) {
            pending.cancel(false);
        }
        AtomicInteger state = new AtomicInteger(ARMED);
        this.state = state;
        pending = TIMER.schedule(() -> {
            if (state.compareAndSet(ARMED, FIRED)) {
                expired = true;
                onExpiry.run();
            }
        }, Math.max(1, nanos), TimeUnit.NANOSECONDS);
    }

    boolean expired() {
        return expired;
    }

    /**
     * Stops the timer; true unless it fired: then {@code onExpiry} has run or is running, and what it closes must
     * not be used.
     */
    synchronized boolean disarm() {
        if (pending == null) {
            return true;
        }
        pending.cancel(false);
        return state.compareAndSet(ARMED, DISARMED) || state.get() == DISARMED;
    }

    @Override
    public synchronized void close() {
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
