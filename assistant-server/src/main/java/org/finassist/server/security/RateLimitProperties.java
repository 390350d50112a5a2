package org.finassist.server.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code finassist.security.rate-limits.*}: a generic request-rate guard in front of every endpoint (the gateway's
 * per-key token and cost budgets are a separate, finer control).
 *
 * @param enabled     off only for load tests
 * @param perAddress  every request from one client address (as Tomcat reports it: the forwarded address only from
 *                    {@code server.tomcat.remoteip.internal-proxies}, so a spoofed header gains no fresh bucket)
 * @param perCaller   every request of one authenticated caller: an API key, a customer subject, an operator
 * @param widgetToken anonymous customer tokens one client address may mint ({@code POST /api/widget/token}): each is
 *                    a new customer with its own per-caller bucket, so minting must be slower than asking
 * @param maxTracked  buckets kept in memory per kind; idle (full) buckets are dropped first when it is reached
 */
@ConfigurationProperties("finassist.security.rate-limits")
record RateLimitProperties(boolean enabled, Limit perAddress, Limit perCaller, Limit widgetToken, int maxTracked) {

    RateLimitProperties {
        perAddress = perAddress == null ? new Limit(600, Duration.ofMinutes(1)) : perAddress;
        perCaller = perCaller == null ? new Limit(300, Duration.ofMinutes(1)) : perCaller;
        widgetToken = widgetToken == null ? new Limit(10, Duration.ofMinutes(1)) : widgetToken;
        maxTracked = maxTracked <= 0 ? 100_000 : maxTracked;
    }

    /**
     * @param requests how many requests a bucket holds (a burst) and refills per {@code period}
     * @param period   the refill period
     */
    record Limit(long requests, Duration period) {

        Limit {
            if (requests <= 0 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs requests > 0 and a positive period");
            }
        }
    }
}
