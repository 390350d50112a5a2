package org.finassist.server.ops;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes this node's snapshot to the shared table in the background, so that the summary and the history (the
 * provider figures of the last hour, which a reloaded dashboard starts from) are computed from every node's
 * figures on whichever node is asked. Only meters are sampled: database counts would cost a scan on every tick.
 */
final class OpsHistory implements AutoCloseable {

    /** One point of the dashboard's provider time series: cumulative cluster figures at {@code at}. */
    record Sample(String at, List<ProviderFigures> providers) {
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("ops-snapshots").factory());

    OpsHistory(Runnable tick, Duration every) {
        timer.scheduleAtFixedRate(tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the timer and waits for a tick in progress (it may be writing to the database). */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
