package org.finassist.server.gateway;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One timer thread for every open gateway request: each stream gets a {@code : ping} comment when it has been idle
 * for the ping interval, and each non-streamed request a {@link DepartureProbe}. Both are a few bytes or a
 * non-blocking read; the thread never waits on a provider.
 */
@Component
class StreamPinger implements AutoCloseable {

    private final ScheduledExecutorService timer;
    private final Duration interval;

    StreamPinger(GatewayProperties properties) {
        this.interval = properties.pingInterval();
        this.timer = timer(interval.toNanos());
    }

    /** Starts pinging {@code stream}; closing the handle stops it. */
    AutoCloseable watch(GatewayStream stream) {
        long nanos = interval.toNanos();
        return repeat(() -> stream.pingIfIdle(nanos));
    }

    /** Runs {@code probe} every ping interval until the handle is closed. */
    AutoCloseable watch(DepartureProbe probe) {
        AutoCloseable task = repeat(probe);
        return () -> {
            task.close();
            probe.close();
        };
    }

    private AutoCloseable repeat(Runnable task) {
        long nanos = interval.toNanos();
        ScheduledFuture<?> f = timer.scheduleAtFixedRate(task, nanos, nanos, TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    /**
     * Cancelled tasks (one per finished request) leave the queue at once instead of after their interval. A no-op
     * task every half interval stays at the head of the queue: a request's task (due a whole interval later) then
     * never becomes the head, and only a new head wakes the timer thread. Without it, with one request at a time
     * the queue was empty at every request, and scheduling its task woke the thread once per request (issue 19:
     * one of ~16 context switches per request at one client).
     */
    private static ScheduledExecutorService timer(long intervalNanos) {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "finassist-gateway-ping");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        long half = Math.max(1, intervalNanos / 2);
        t.scheduleAtFixedRate(() -> { }, half, half, TimeUnit.NANOSECONDS);
        return t;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
