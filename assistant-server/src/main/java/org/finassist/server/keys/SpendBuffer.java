package org.finassist.server.keys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Spend of keys without a budget, summed in memory per key, model and day and written every {@code flushEvery}, so
 * such a key pays no database round trip per request. Bounded: at most {@code maxRows} distinct rows wait; past
 * that a request's spend is written at once (never dropped). Flushed on shutdown.
 */
final class SpendBuffer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SpendBuffer.class);

    private record RowKey(long keyId, java.time.LocalDate day, String model) {
    }

    private final SpendStore store;
    private final int maxRows;
    private final Map<RowKey, Spend> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    SpendBuffer(SpendStore store, java.time.Duration flushEvery, int maxRows) {
        this.store = store;
        this.maxRows = maxRows;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("key-spend").factory());
        long ms = Math.max(50, flushEvery.toMillis());
        timer.scheduleWithFixedDelay(this::flush, ms, ms, TimeUnit.MILLISECONDS);
    }

    void add(Spend s) {
        RowKey k = new RowKey(s.keyId(), s.day(), s.model());
        if (pending.size() >= maxRows && !pending.containsKey(k)) {
            store.add(s);
            return;
        }
        pending.merge(k, s, Spend::plus);
    }

    /** Writes everything summed so far. */
    void flush() {
        List<RowKey> keys = new ArrayList<>(pending.keySet());
        for (RowKey k : keys) {
            Spend s = pending.remove(k);
            if (s == null) {
                continue;
            }
            try {
                store.add(s);
            } catch (RuntimeException e) {
                pending.merge(k, s, Spend::plus);
                log.warn("Key spend not written yet ({}), retried at the next flush", e.toString());
                return;
            }
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        flush();
    }
}
