package org.finassist.server.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SharedLimits} of one node (the embedded default): Bucket4j's local buckets and in-memory leases. */
final class InMemorySharedLimits implements SharedLimits {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Instant>> leases = new ConcurrentHashMap<>();
    private final Map<String, Instant> circuits = new ConcurrentHashMap<>();
    private final Clock clock;

    InMemorySharedLimits(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean tryConsume(String bucket, long tokens, Rate rate) {
        return bucket(bucket, rate).tryConsume(tokens);
    }

    @Override
    public void consume(String bucket, long tokens, Rate rate) {
        if (tokens > 0) {
            bucket(bucket, rate).consumeIgnoringRateLimits(tokens);
        }
    }

    private Bucket bucket(String name, Rate rate) {
        return buckets.computeIfAbsent(name, n -> Bucket.builder().addLimit(bandwidth(rate)).build());
    }

    static Bandwidth bandwidth(Rate rate) {
        return Bandwidth.builder().capacity(rate.capacity()).refillGreedy(rate.capacity(), rate.period()).build();
    }

    @Override
    public Optional<Lease> tryAcquire(String name, int limit, Duration ttl) {
        Instant now = clock.instant();
        Lease[] acquired = new Lease[1];
        leases.compute(name, (n, held) -> {
            Map<String, Instant> live = held == null ? new ConcurrentHashMap<>() : held;
            live.values().removeIf(expiry -> !expiry.isAfter(now));
            if (live.size() < limit) {
                acquired[0] = new Lease(name, UUID.randomUUID().toString(), now.plus(ttl));
                live.put(acquired[0].id(), acquired[0].expiresAt());
            }
            return live;
        });
        return Optional.ofNullable(acquired[0]);
    }

    @Override
    public void release(Lease lease) {
        leases.computeIfPresent(lease.name(), (n, held) -> {
            held.remove(lease.id());
            return held;
        });
    }

    @Override
    public Instant openUntil(String circuit) {
        return circuits.getOrDefault(circuit, Instant.EPOCH);
    }

    @Override
    public void open(String circuit, Instant until) {
        circuits.merge(circuit, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Override
    public void close(String circuit) {
        circuits.remove(circuit);
    }
}
