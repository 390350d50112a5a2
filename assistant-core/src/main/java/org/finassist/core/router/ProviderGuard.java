package org.finassist.core.router;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.finassist.core.provider.ProviderClient;
import org.finassist.core.provider.ProviderConfig;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** One provider's client with its circuit breaker, bulkhead, rate limiter and Retry-After cool-down. */
final class ProviderGuard {

    final ProviderClient client;
    final CircuitBreaker circuit;
    final Bulkhead bulkhead;
    final RateLimiter rateLimiter;
    private final Duration maxCoolDown;
    private volatile long coolDownUntilNanos;

    ProviderGuard(ProviderClient client, RouterConfig router) {
        this.client = client;
        this.maxCoolDown = router.maxCoolDown();
        ProviderConfig p = client.config();
        this.circuit = CircuitBreaker.of(p.id(), CircuitBreakerConfig.custom()
                .failureRateThreshold(router.circuitFailureRate())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(router.circuitWindow())
                .minimumNumberOfCalls(router.circuitWindow())
                .waitDurationInOpenState(router.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
        this.bulkhead = Bulkhead.of(p.id(), BulkheadConfig.custom()
                .maxConcurrentCalls(p.maxConcurrency())
                .maxWaitDuration(router.bulkheadMaxWait())
                .fairCallHandlingStrategyEnabled(true)
                .build());
        this.rateLimiter = p.requestsPerMinute() == 0 ? null : RateLimiter.of(p.id(), RateLimiterConfig.custom()
                .limitForPeriod(p.requestsPerMinute())
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    String id() {
        return client.config().id();
    }

    /** Why the provider cannot take a call now, or null when it can (and then a permit is held). */
    String admit() {
        if (System.nanoTime() - coolDownUntilNanos < 0) {
            return "cooling_down";
        }
        if (!circuit.tryAcquirePermission()) {
            return "circuit_open";
        }
        if (rateLimiter != null && !rateLimiter.acquirePermission()) {
            circuit.releasePermission();
            return "rate_limit";
        }
        if (!bulkhead.tryAcquirePermission()) {
            circuit.releasePermission();
            return "saturated";
        }
        return null;
    }

    void succeeded(long nanos) {
        bulkhead.onComplete();
        circuit.onSuccess(nanos, TimeUnit.NANOSECONDS);
    }

    void failed(long nanos, Throwable error, boolean providerSide) {
        bulkhead.onComplete();
        if (providerSide) {
            circuit.onError(nanos, TimeUnit.NANOSECONDS, error);
        } else {
            circuit.releasePermission();
        }
    }

    /** Sidelines the provider for its Retry-After, capped by the maximum cool-down so the sum cannot overflow. */
    void coolDown(Duration retryAfter) {
        Duration d = retryAfter.isNegative() ? Duration.ZERO
                : retryAfter.compareTo(maxCoolDown) > 0 ? maxCoolDown : retryAfter;
        coolDownUntilNanos = System.nanoTime() + d.toNanos();
    }

    ProviderStatus status() {
        ProviderConfig p = client.config();
        String state = switch (circuit.getState()) {
            case OPEN, FORCED_OPEN -> "circuit_open";
            case HALF_OPEN -> "half_open";
            default -> System.nanoTime() - coolDownUntilNanos < 0 ? "cooling_down" : "up";
        };
        var m = circuit.getMetrics();
        String detail = "failure rate " + (m.getFailureRate() < 0 ? "n/a" : m.getFailureRate() + "%")
                + " over " + m.getNumberOfBufferedCalls() + " calls";
        int inFlight = p.maxConcurrency() - bulkhead.getMetrics().getAvailableConcurrentCalls();
        return new ProviderStatus(p.id(), p.flavor().name().toLowerCase(), state, detail,
                p.models().stream().map(md -> md.alias()).toList(), p.maxConcurrency(), inFlight);
    }
}
