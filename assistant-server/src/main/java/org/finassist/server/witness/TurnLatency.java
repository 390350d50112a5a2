package org.finassist.server.witness;

import java.util.Arrays;

/**
 * Server-side turn latency: from an {@code asr.final} frame's arrival to the moment the engine has handed the
 * next speak frame to the socket. Keeps the most recent samples in a ring.
 */
public final class TurnLatency {

    private final long[] ring;
    private long count;

    TurnLatency(int capacity) {
        ring = new long[capacity];
    }

    synchronized void record(long nanos) {
        ring[(int) (count++ % ring.length)] = nanos;
    }

    /** Number of turns recorded since start (or the last reset). */
    public synchronized long count() {
        return count;
    }

    public synchronized void reset() {
        count = 0;
    }

    /** The q-quantile (0..1) in milliseconds over the retained samples; 0 when there are none. */
    public double quantileMillis(double q) {
        long[] copy;
        synchronized (this) {
            copy = Arrays.copyOf(ring, (int) Math.min(count, ring.length));
        }
        if (copy.length == 0) {
            return 0;
        }
        Arrays.sort(copy);
        int index = (int) Math.min(copy.length - 1, Math.ceil(q * copy.length) - 1);
        return copy[Math.max(0, index)] / 1_000_000.0;
    }
}
