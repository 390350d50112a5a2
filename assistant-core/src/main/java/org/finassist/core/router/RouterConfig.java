package org.finassist.core.router;

import org.finassist.core.provider.ProviderConfig;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Router settings.
 *
 * @param maxAttempts         provider calls per request before going to {@code local} (the retry budget)
 * @param backoffBase         first backoff after a failure; doubled per failure, full jitter, capped by backoffMax
 * @param bulkheadMaxWait     how long a request waits for a free slot of a saturated provider before moving on
 * @param circuitFailureRate  failure rate (percent) over the sliding window that opens a provider's circuit
 * @param circuitWindow       calls in the sliding window; also the minimum calls before the rate counts
 * @param circuitOpenFor      how long an open circuit waits before letting probe calls through
 * @param maxCoolDown         the longest a provider is sidelined by one Retry-After (one 429 saying 86400 must
 *                            not take a provider out for a day)
 */
public record RouterConfig(List<ProviderConfig> providers, Map<String, RouteConfig> routes, Duration defaultDeadline,
                           int maxAttempts, Duration backoffBase, Duration backoffMax, Duration bulkheadMaxWait,
                           float circuitFailureRate, int circuitWindow, Duration circuitOpenFor,
                           Duration maxCoolDown) {

    /** With the default maximum cool-down (60 s). */
    public RouterConfig(List<ProviderConfig> providers, Map<String, RouteConfig> routes, Duration defaultDeadline,
                        int maxAttempts, Duration backoffBase, Duration backoffMax, Duration bulkheadMaxWait,
                        float circuitFailureRate, int circuitWindow, Duration circuitOpenFor) {
        this(providers, routes, defaultDeadline, maxAttempts, backoffBase, backoffMax, bulkheadMaxWait,
                circuitFailureRate, circuitWindow, circuitOpenFor, null);
    }

    public RouterConfig {
        providers = providers == null ? List.of() : List.copyOf(providers);
        Map<String, RouteConfig> all = new LinkedHashMap<>();
        for (Scenario s : Scenario.values()) {
            all.put(s.id(), new RouteConfig(s.id(), List.of()));
        }
        if (routes != null) {
            all.putAll(routes);
        }
        routes = Map.copyOf(all);
        defaultDeadline = defaultDeadline == null ? Duration.ofSeconds(60) : defaultDeadline;
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
        backoffBase = backoffBase == null ? Duration.ofMillis(50) : backoffBase;
        backoffMax = backoffMax == null ? Duration.ofSeconds(2) : backoffMax;
        bulkheadMaxWait = bulkheadMaxWait == null ? Duration.ofMillis(500) : bulkheadMaxWait;
        circuitFailureRate = circuitFailureRate <= 0 ? 50f : circuitFailureRate;
        circuitWindow = circuitWindow <= 0 ? 10 : circuitWindow;
        circuitOpenFor = circuitOpenFor == null ? Duration.ofSeconds(30) : circuitOpenFor;
        maxCoolDown = maxCoolDown == null || maxCoolDown.isNegative() ? Duration.ofSeconds(60) : maxCoolDown;
    }

    public static RouterConfig defaults(List<ProviderConfig> providers, Map<String, RouteConfig> routes) {
        return new RouterConfig(providers, routes, null, 0, null, null, null, 0, 0, null);
    }
}
