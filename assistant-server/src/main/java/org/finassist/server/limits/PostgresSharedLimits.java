package org.finassist.server.limits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SharedLimits} in the PostgreSQL every node already shares: Bucket4j's select-for-update buckets in
 * {@code limits_bucket}; leases in {@code limits_lease}, counted under a transaction-scoped advisory lock per name
 * (so two nodes cannot both take the last slot) and ignored once past their expiry, so a dead node's slots lapse;
 * circuits in {@code limits_circuit}. Times are the nodes' clocks (keep them NTP-synchronised).
 */
final class PostgresSharedLimits implements SharedLimits {

    private final ProxyManager<String> buckets;
    private final Map<String, BucketProxy> proxies = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String node;

    PostgresSharedLimits(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx, Clock clock, String node) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("limits_bucket").idColumn("id").stateColumn("state")
                .build();
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.node = node;
    }

    @Override
    public boolean tryConsume(String bucket, long tokens, Rate rate) {
        return proxy(bucket, rate).tryConsume(tokens);
    }

    @Override
    public void consume(String bucket, long tokens, Rate rate) {
        if (tokens > 0) {
            proxy(bucket, rate).consumeIgnoringRateLimits(tokens);
        }
    }

    private BucketProxy proxy(String name, Rate rate) {
        return proxies.computeIfAbsent(name, n -> buckets.builder().build(n,
                () -> BucketConfiguration.builder().addLimit(InMemorySharedLimits.bandwidth(rate)).build()));
    }

    @Override
    public Optional<Lease> tryAcquire(String name, int limit, Duration ttl) {
        Instant now = clock.instant();
        Lease lease = new Lease(name, UUID.randomUUID().toString(), now.plus(ttl));
        Boolean taken = tx.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("limits_lease:" + name).query().singleRow();
            // lapsed slots do not count; they are deleted when any slot of the name is released
            return jdbc.sql("INSERT INTO limits_lease (id, name, node, expires_at) SELECT ?, ?, ?, ? "
                            + "WHERE (SELECT COUNT(*) FROM limits_lease WHERE name = ? AND expires_at > ?) < ?")
                    .params(lease.id(), name, node, ts(lease.expiresAt()), name, ts(now), limit).update() == 1;
        });
        return Boolean.TRUE.equals(taken) ? Optional.of(lease) : Optional.empty();
    }

    @Override
    public void release(Lease lease) {
        jdbc.sql("DELETE FROM limits_lease WHERE id = ? OR (name = ? AND expires_at <= ?)")
                .params(lease.id(), lease.name(), ts(clock.instant())).update();
    }

    @Override
    public Instant openUntil(String circuit) {
        return jdbc.sql("SELECT open_until FROM limits_circuit WHERE name = ?").param(circuit)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(Instant.EPOCH);
    }

    @Override
    public void open(String circuit, Instant until) {
        jdbc.sql("INSERT INTO limits_circuit (name, open_until, node) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE"
                        + " SET open_until = GREATEST(limits_circuit.open_until, EXCLUDED.open_until), node = EXCLUDED.node")
                .params(circuit, ts(until), node).update();
    }

    @Override
    public void close(String circuit) {
        jdbc.sql("DELETE FROM limits_circuit WHERE name = ?").param(circuit).update();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
