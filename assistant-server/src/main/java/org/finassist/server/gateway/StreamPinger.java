package org.finassist.server.gateway;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One timer thread for every open gateway request: each stream gets a {@code : ping} comment when it has been idle
 * for the ping interval, and each non-streamed request a {@link DepartureProbe}. Both are a few bytes or a
 * non-blocking read; the thread never waits on a provider.
 */
@Component
class StreamPinger implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "finassist-gateway-ping");
        t.setDaemon(true);
        return t;
    });
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

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
