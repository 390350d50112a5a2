package org.finassist.server.limits;

import com.zaxxer.hikari.HikariDataSource;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Message;
import org.finassist.core.fake.FakeUpstream;
import org.finassist.core.fake.Script;
import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.RouteOptions;
import org.finassist.server.router.RouterProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20's acceptance for provider accounts: two nodes (two routers, each with its own connection pool) on one
 * PostgreSQL hold an account's concurrency and requests per minute together, and a circuit opened on A is open on B.
 */
class AccountLimitsClusterPgIT {

    private static HikariDataSource poolA;
    private static HikariDataSource poolB;
    private static final FakeUpstream DS = FakeUpstream.start("deepseek");

    @BeforeAll
    static void start() {
        LimitsPg.resetSchemaOrSkip();
        poolA = LimitsPg.dataSource();
        poolB = LimitsPg.dataSource();
    }

    @AfterAll
    static void stop() {
        poolA.close();
        poolB.close();
        DS.close();
    }

    @BeforeEach
    void reset() {
        DS.reset();
        new org.springframework.jdbc.core.JdbcTemplate(poolA).execute(
                "DELETE FROM limits_lease; DELETE FROM limits_bucket; DELETE FROM limits_circuit");
    }

    private static ModelRouter node(HikariDataSource pool, String name, RouterProperties.Account account,
                                    Duration wait, int circuitWindow) {
        PostgresSharedLimits limits = LimitsPg.node(pool, Clock.systemUTC(), name);
        return TwoNodes.router(List.of(TwoNodes.provider("ds", DS, TwoNodes.DEAR)),
                TwoNodes.accounts(limits, "ds", account, wait), circuitWindow, "ds:chat");
    }

    private static Completion ask(ModelRouter router) {
        return ask(router, "general");
    }

    private static Completion ask(ModelRouter router, String route) {
        return router.complete(new CompletionRequest(route, List.of(Message.user("你好")), null, null, null),
                route.equals("commentary") ? RouteOptions.BATCH : RouteOptions.DEFAULT);
    }

    @Test
    void anAccountConcurrencyOfFourHoldsAcrossBothNodes() throws Exception {
        RouterProperties.Account four = new RouterProperties.Account(4, 0, 0, null, null);
        ModelRouter a = node(poolA, "node-a", four, Duration.ofSeconds(20), 100);
        ModelRouter b = node(poolB, "node-b", four, Duration.ofSeconds(20), 100);
        DS.always(Script.ok("慢慢回答").withHeaderDelay(Duration.ofMillis(300)));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Completion>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                ModelRouter node = i % 2 == 0 ? a : b;
                answers.add(pool.submit(() -> ask(node)));
            }
            for (Future<Completion> f : answers) {
                assertThat(f.get().provider()).isEqualTo("ds");
            }
        } finally {
            pool.shutdownNow();
        }
        // each node alone would allow 64 (its bulkhead); together they never had more than the account's 4
        assertThat(DS.requests()).isEqualTo(16);
        assertThat(DS.maxInFlight()).isLessThanOrEqualTo(4);
    }

    @Test
    void aCircuitOpenedOnAIsOpenOnB() {
        RouterProperties.Account none = new RouterProperties.Account(0, 0, 0, null, null);
        ModelRouter a = node(poolA, "node-a", none, Duration.ZERO, 2);
        ModelRouter b = node(poolB, "node-b", none, Duration.ZERO, 2);
        DS.always(Script.status(500, "upstream broken"));
        ask(a);
        ask(a);
        int seenByA = DS.requests();
        Completion onB = ask(b);
        assertThat(onB.provider()).isEqualTo("local");
        assertThat(onB.trail().attempts().getFirst().reason()).isEqualTo("circuit_open");
        assertThat(DS.requests()).isEqualTo(seenByA);
        // B's health says so too, though B itself never saw a failure
        assertThat(b.providerStatuses().stream().filter(p -> p.id().equals("ds")).findFirst().orElseThrow().state())
                .isEqualTo("circuit_open");
    }

    @Test
    void theBatchNeverTakesTheChatReserve() {
        // 4 requests a minute, a quarter kept for chat: the batch job's calls get 3, chat still gets the 4th
        RouterProperties.Account account = new RouterProperties.Account(0, 4, 0, null, 0.25);
        ModelRouter a = node(poolA, "node-a", account, Duration.ZERO, 100);
        ModelRouter b = node(poolB, "node-b", account, Duration.ZERO, 100);
        DS.always(Script.ok("好的"));
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(ask(i % 2 == 0 ? a : b, "commentary").provider());
        }
        assertThat(batch).containsExactly("ds", "ds", "ds", "local", "local");
        assertThat(ask(b, "general").provider()).isEqualTo("ds");
        assertThat(ask(a, "general").provider()).isEqualTo("local");
    }

    @Test
    void anAccountsRequestsPerMinuteHoldAcrossBothNodes() {
        RouterProperties.Account five = new RouterProperties.Account(0, 5, 0, null, null);
        ModelRouter a = node(poolA, "node-a", five, Duration.ZERO, 100);
        ModelRouter b = node(poolB, "node-b", five, Duration.ZERO, 100);
        DS.always(Script.ok("好的"));
        List<String> providers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            providers.add(ask(i % 2 == 0 ? a : b).provider());
        }
        assertThat(providers).containsExactly("ds", "ds", "ds", "ds", "ds", "local", "local", "local");
        assertThat(DS.requests()).isEqualTo(5);
    }
}
