package org.finassist.server.funnel;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The funnel's background work on every node: the abandonment sweep and the daily report (none when {@code store}
 * is null: the funnel is off). Both are safe to run on
 * all nodes at once (conditional updates, a keyed insert), so no leader is needed.
 */
final class FunnelJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FunnelJobs.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("funnel-jobs").factory());

    FunnelJobs(FunnelStore store, Clock clock, Duration abandonAfter, Duration sweepEvery, DailyReportJob report,
               Duration reportEvery) {
        if (store == null) {
            return;
        }
        timer.scheduleWithFixedDelay(() -> guarded("abandonment sweep", () -> {
            int n;
            do {
                n = store.sweepAbandoned(clock.millis() - abandonAfter.toMillis(), abandonAfter.toMillis(), 500);
            } while (n == 500);
        }), sweepEvery.toMillis(), sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
        if (report != null) {
            timer.scheduleWithFixedDelay(() -> guarded("daily report", report::run), 60_000, reportEvery.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private static void guarded(String what, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.warn("funnel {} failed: {}", what, e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
