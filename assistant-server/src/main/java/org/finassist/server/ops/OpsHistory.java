package org.finassist.server.ops;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The provider figures of the last hour, sampled in the background, so that a reloaded dashboard starts with its
 * time series instead of an empty chart. Only meters are sampled: the history's database counts would cost a
 * table scan on every tick.
 */
final class OpsHistory implements AutoCloseable {

    record Sample(String at, List<ProviderFigures> providers) {
    }

    private final Supplier<Sample> source;
    private final int capacity;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("ops-history").factory());

    OpsHistory(Supplier<Sample> source, Duration every, int capacity) {
        this.source = source;
        this.capacity = capacity;
        timer.scheduleAtFixedRate(this::sample, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void sample() {
        Sample s = source.get();
        synchronized (samples) {
            samples.addLast(s);
            while (samples.size() > capacity) {
                samples.removeFirst();
            }
        }
    }

    /** Oldest first. */
    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
