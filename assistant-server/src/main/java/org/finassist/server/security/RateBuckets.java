package org.finassist.server.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory token buckets of one kind (per address, per caller …), keyed by a string, bounded in number: when
 * {@code maxTracked} is reached, buckets that have refilled completely (idle callers) are dropped; if every bucket is
 * busy the map is cleared rather than grown, which can only let a caller through early, never lock one out.
 */
final class RateBuckets {

    private final RateLimitProperties.Limit limit;
    private final int maxTracked;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateBuckets(RateLimitProperties.Limit limit, int maxTracked) {
        this.limit = limit;
        this.maxTracked = maxTracked;
    }

    /** Takes one request from {@code key}'s bucket. */
    ConsumptionProbe take(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxTracked) {
                evictIdle();
            }
            bucket = buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(Bandwidth.builder()
                    .capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()).build()).build());
        }
        return bucket.tryConsumeAndReturnRemaining(1);
    }

    int tracked() {
        return buckets.size();
    }

    private synchronized void evictIdle() {
        if (buckets.size() < maxTracked) {
            return;
        }
        buckets.values().removeIf(b -> b.getAvailableTokens() >= limit.requests());
        if (buckets.size() >= maxTracked) {
            buckets.clear();
        }
    }
}
