package org.finassist.core.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A caller's way to stop a request: set once (the client went away), it stops the router before the next
 * candidate and aborts the upstream call in flight. Cheap when unused; {@link #NONE} can never be cancelled.
 */
public final class Cancellation {

    /** For callers that never cancel. */
    public static final Cancellation NONE = new Cancellation();

    private final CountDownLatch signal = new CountDownLatch(1);
    private final List<Runnable> hooks = new ArrayList<>();
    private volatile String reason;

    /** Cancels (first call wins) and runs the registered hooks on the calling thread. */
    public void cancel(String why) {
        if (this == NONE) {
            return;
        }
        List<Runnable> toRun;
        synchronized (hooks) {
            if (reason != null) {
                return;
            }
            reason = why == null ? "cancelled" : why;
            toRun = List.copyOf(hooks);
            hooks.clear();
        }
        signal.countDown();
        toRun.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return reason != null;
    }

    /** Why it was cancelled, or null. */
    public String reason() {
        return reason;
    }

    /**
     * Runs {@code hook} when cancelled (at once if already cancelled); closing the returned handle unregisters it,
     * so a finished upstream call is not aborted later.
     */
    public Registration onCancel(Runnable hook) {
        synchronized (hooks) {
            if (reason == null) {
                hooks.add(hook);
                return () -> {
                    synchronized (hooks) {
                        hooks.remove(hook);
                    }
                };
            }
        }
        hook.run();
        return () -> { };
    }

    /** Sleeps up to {@code nanos}; returns early (true) when cancelled meanwhile. */
    public boolean sleep(long nanos) {
        if (nanos <= 0) {
            return isCancelled();
        }
        try {
            return signal.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** A registered hook; closing it unregisters. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
