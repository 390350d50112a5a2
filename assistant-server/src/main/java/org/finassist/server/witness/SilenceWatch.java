package org.finassist.server.witness;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Which runtime connections have sent nothing for too long. A runtime whose network died without a TCP reset
 * (a phone losing coverage, a NAT dropping state) never closes its socket; without this its sessions would stay
 * "online" forever and could not be resumed elsewhere.
 */
final class SilenceWatch {

    private final long limitNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();

    SilenceWatch(long limitNanos, LongSupplier nanoClock) {
        if (limitNanos <= 0) throw new IllegalArgumentException("silence limit must be positive");
        this.limitNanos = limitNanos;
        this.nanoClock = nanoClock;
    }

    void seen(String connectionId) {
        lastSeen.put(connectionId, nanoClock.getAsLong());
    }

    void forget(String connectionId) {
        lastSeen.remove(connectionId);
    }

    /** Connections silent for longer than the limit; each is reported once (it is forgotten). */
    List<String> silent() {
        long now = nanoClock.getAsLong();
        List<String> out = lastSeen.entrySet().stream().filter(e -> now - e.getValue() > limitNanos)
                .map(Map.Entry::getKey).toList();
        out.forEach(lastSeen::remove);
        return out;
    }
}
