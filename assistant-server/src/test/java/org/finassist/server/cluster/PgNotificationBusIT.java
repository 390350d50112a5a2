package org.finassist.server.cluster;

import org.finassist.server.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two buses on the machine's PostgreSQL, as two nodes: delivery across them, and recovery after a lost connection. */
class PgNotificationBusIT {

    private static final String CHANNEL = "cluster_bus_it";
    private final List<PgNotificationBus> buses = new ArrayList<>();

    @BeforeAll
    static void database() {
        TestPostgres.resetSchemaOrSkip("cluster_bus_it");
    }

    @AfterEach
    void close() {
        buses.forEach(PgNotificationBus::close);
    }

    private PgNotificationBus bus(String node) {
        DriverManagerDataSource ds = new DriverManagerDataSource(TestPostgres.baseUrl(), TestPostgres.user(),
                TestPostgres.password());
        PgNotificationBus bus = new PgNotificationBus(() -> {
            try {
                Connection c = DriverManager.getConnection(TestPostgres.baseUrl(), TestPostgres.user(),
                        TestPostgres.password());
                c.createStatement().execute("SET application_name = 'cluster-bus-it-" + node + "'");
                return c;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, new JdbcTemplate(ds), CHANNEL, node, Duration.ofMillis(400));
        buses.add(bus);
        return bus;
    }

    private static void awaitListening(PgNotificationBus bus) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!bus.listening() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(bus.listening()).as("listening").isTrue();
    }

    @Test
    void anEventPublishedOnOneNodeReachesTheOtherWithinASecond() throws Exception {
        PgNotificationBus a = bus("a");
        PgNotificationBus b = bus("b");
        BlockingQueue<ClusterEvent> onB = new LinkedBlockingQueue<>();
        b.subscribe(ClusterEvent.DecisionPending.class, onB::add);
        awaitListening(a);
        awaitListening(b);

        a.publish(new ClusterEvent.ApiKeysChanged());
        a.publish(new ClusterEvent.DecisionPending("b"));

        // the subscription is typed: the key event is not handed to a decision listener
        assertThat(onB.poll(1, TimeUnit.SECONDS)).isEqualTo(new ClusterEvent.DecisionPending("b"));
        assertThat(onB.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aKilledListeningConnectionIsReopenedAndSubscribersResync() throws Exception {
        PgNotificationBus a = bus("a");
        PgNotificationBus b = bus("b");
        BlockingQueue<ClusterEvent> onB = new LinkedBlockingQueue<>();
        b.subscribe(ClusterEvent.class, onB::add);
        awaitListening(b);

        try (Connection admin = DriverManager.getConnection(TestPostgres.baseUrl(), TestPostgres.user(),
                TestPostgres.password())) {
            admin.createStatement().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = 'cluster-bus-it-b'");
        }
        assertThat(onB.poll(15, TimeUnit.SECONDS)).isEqualTo(new ClusterEvent.Resync());
        awaitListening(b);
        a.publish(new ClusterEvent.ApiKeysChanged());
        assertThat(onB.poll(2, TimeUnit.SECONDS)).isEqualTo(new ClusterEvent.ApiKeysChanged());
    }
}
