package org.finassist.server.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code finassist.limits.*}.
 *
 * @param backend        {@code memory} (one node: the embedded default) or {@code postgres} (several nodes on one
 *                       PostgreSQL: the postgres profile's default)
 * @param circuitRefresh how long a node trusts its last read of the shared circuit state before reading it again
 *                       (default 500 ms: a circuit opened on one node is seen by the others within it)
 * @param chatWait       how long a chat request waits for a full provider account before trying the next
 *                       candidate (default 500 ms)
 * @param batchWait      how long a batch request (the batch routes) waits for the account (default 30 s), so a
 *                       batch slows down instead of falling back to templates
 */
@ConfigurationProperties("finassist.limits")
public record LimitsProperties(String backend, Duration circuitRefresh, Duration chatWait, Duration batchWait) {

    public LimitsProperties {
        backend = backend == null || backend.isBlank() ? "memory" : backend.strip().toLowerCase();
        if (!backend.equals("memory") && !backend.equals("postgres")) {
            throw new IllegalArgumentException("finassist.limits.backend: 'memory' or 'postgres', not '" + backend + "'");
        }
        circuitRefresh = circuitRefresh == null || circuitRefresh.isNegative() ? Duration.ofMillis(500) : circuitRefresh;
        chatWait = chatWait == null || chatWait.isNegative() ? Duration.ofMillis(500) : chatWait;
        batchWait = batchWait == null || batchWait.isNegative() ? Duration.ofSeconds(30) : batchWait;
    }
}
