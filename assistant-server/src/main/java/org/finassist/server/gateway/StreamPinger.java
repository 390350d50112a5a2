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

    private final ScheduledExecutorService timer = timer();
    private final Duration interval;

    StreamPinger(GatewayProperties properties) {
        this.interval = properties.pingInterval();
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

    /** Cancelled tasks (one per finished request) leave the queue at once instead of after their interval. */
    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "finassist-gateway-ping");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
