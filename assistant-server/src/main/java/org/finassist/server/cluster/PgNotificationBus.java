package org.finassist.server.cluster;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link ClusterBus} over PostgreSQL {@code LISTEN/NOTIFY}. One dedicated connection per node (outside the pool, so
 * it never takes a request's connection) listens on the channel; a thread waits on it for notifications and hands
 * them to the subscribers. Publishing is a {@code pg_notify} on any pooled connection: PostgreSQL delivers it to
 * every listening session when the (auto-committed) statement commits. A lost connection is re-opened with a
 * back-off, after which subscribers get {@link ClusterEvent.Resync}.
 */
final class PgNotificationBus implements ClusterBus, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PgNotificationBus.class);
    private static final int WAIT_MILLIS = 500;
    private static final long CHECK_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private record Subscription<E extends ClusterEvent>(Class<E> type, Consumer<? super E> listener) {
        void offer(ClusterEvent event) {
            if (type.isInstance(event)) {
                listener.accept(type.cast(event));
            }
        }
    }

    private final Supplier<Connection> connections;
    private final JdbcTemplate publisher;
    private final String channel;
    private final String nodeId;
    private final Duration maxBackoff;
    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();
    private final Thread listener;
    private volatile boolean listening;
    private volatile boolean closed;
    private volatile Connection current;

    /**
     * @param connections opens the dedicated listening connection (a new one after a loss)
     * @param channel     an SQL identifier: letters, digits and underscores
     */
    PgNotificationBus(Supplier<Connection> connections, JdbcTemplate publisher, String channel, String nodeId,
                      Duration maxBackoff) {
        if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("cluster channel must be a lower-case SQL identifier: " + channel);
        }
        this.connections = connections;
        this.publisher = publisher;
        this.channel = channel;
        this.nodeId = nodeId;
        this.maxBackoff = maxBackoff;
        this.listener = Thread.ofPlatform().daemon().name("cluster-bus").start(this::listen);
    }

    @Override
    public void publish(ClusterEvent event) {
        try {
            publisher.queryForList("SELECT pg_notify(?, ?)", channel, ClusterEvent.encode(event, nodeId));
        } catch (RuntimeException e) {
            LOG.warn("Could not tell the other nodes about {}: {} (they pick it up at their next refresh)", event,
                    e.toString());
        }
    }

    @Override
    public <E extends ClusterEvent> void subscribe(Class<E> type, Consumer<? super E> listener) {
        subscriptions.add(new Subscription<>(type, listener));
    }

    @Override
    public boolean listening() {
        return listening;
    }

    private void listen() {
        long backoff = 100;
        boolean first = true;
        while (!closed) {
            try (Connection c = connections.get()) {
                current = c;
                long checked = System.nanoTime();
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + channel);
                }
                listening = true;
                backoff = 100;
                if (!first) {
                    LOG.info("Cluster notifications on '{}' are back; resynchronising", channel);
                    deliver(new ClusterEvent.Resync());
                }
                first = false;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] batch = pg.getNotifications(WAIT_MILLIS);
                    if (batch == null || batch.length == 0) {
                        // a quiet wait makes no round trip: a half-open TCP connection would go unnoticed
                        if (System.nanoTime() - checked > CHECK_EVERY_NANOS) {
                            if (!c.isValid(2)) {
                                throw new SQLException("listening connection is no longer valid");
                            }
                            checked = System.nanoTime();
                        }
                        continue;
                    }
                    for (PGNotification n : batch) {
                        ClusterEvent.decode(n.getParameter()).ifPresent(r -> deliver(r.event()));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (closed) {
                    return;
                }
                LOG.warn("Cluster notifications on '{}' lost ({}); reconnecting in {} ms", channel, e.toString(),
                        backoff);
                if (!pause(backoff)) {
                    return;
                }
                backoff = Math.min(maxBackoff.toMillis(), backoff * 2);
            }
        }
    }

    private void deliver(ClusterEvent event) {
        for (Subscription<?> s : subscriptions) {
            try {
                s.offer(event);
            } catch (RuntimeException e) {
                LOG.warn("A cluster subscriber failed on {}: {}", event, e.toString());
            }
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        listening = false;
        listener.interrupt();
        Connection c = current;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        try {
            listener.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
