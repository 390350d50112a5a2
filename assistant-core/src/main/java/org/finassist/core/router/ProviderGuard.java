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
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One provider's client with its circuit breaker, bulkhead, rate limiter and Retry-After cool-down (all per node),
 * and its account's limits and shared circuit state ({@link AccountLimits}, across nodes).
 */
final class ProviderGuard {

    final ProviderClient client;
    final CircuitBreaker circuit;
    final Bulkhead bulkhead;
    final RateLimiter rateLimiter;
    private final Duration maxCoolDown;
    private final AccountLimits account;
    private volatile long coolDownUntilNanos;

    ProviderGuard(ProviderClient client, RouterConfig router) {
        this(client, router, AccountLimits.NONE);
    }

    ProviderGuard(ProviderClient client, RouterConfig router, AccountLimits account) {
        this.client = client;
        this.account = account;
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
        publishTransitions(router.circuitOpenFor());
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

    /** Tells the other nodes when this node's circuit opens (skip the provider) or closes after a probe. */
    private void publishTransitions(Duration openFor) {
        circuit.getEventPublisher().onStateTransition(e -> {
            switch (e.getStateTransition().getToState()) {
                case OPEN, FORCED_OPEN -> account.opened(id(), Instant.now().plus(openFor));
                case CLOSED -> {
                    if (e.getStateTransition().getFromState() == CircuitBreaker.State.HALF_OPEN) {
                        account.closed(id());
                    }
                }
                default -> { }
            }
        });
    }

    /** Why the provider cannot take a call now, or null when it can (and then a permit is held). */
    String admit() {
        if (System.nanoTime() - coolDownUntilNanos < 0) {
            return "cooling_down";
        }
        if (account.openUntil(id()).isAfter(Instant.now())) {
            // another node found the provider failing: do not pay for calls to learn it again
            return "circuit_open";
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

    /**
     * The account's permit for a call this node admitted; when the account refuses, the node's permits are given
     * back and the refusal says why.
     */
    AccountLimits.Permit admitAccount(boolean batch, Duration hold) {
        AccountLimits.Permit permit = account.admit(id(), batch, hold);
        if (permit.refused() != null) {
            bulkhead.onComplete();
            circuit.releasePermission();
        }
        return permit;
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
        Instant sharedOpenUntil = account.openUntil(id());
        if ("up".equals(state) && sharedOpenUntil.isAfter(Instant.now())) {
            state = "circuit_open";
            detail += "; circuit opened by another node until " + sharedOpenUntil;
        }
        int inFlight = p.maxConcurrency() - bulkhead.getMetrics().getAvailableConcurrentCalls();
        return new ProviderStatus(p.id(), p.flavor().name().toLowerCase(), state, detail,
                p.models().stream().map(md -> md.alias()).toList(), p.maxConcurrency(), inFlight);
    }
}
