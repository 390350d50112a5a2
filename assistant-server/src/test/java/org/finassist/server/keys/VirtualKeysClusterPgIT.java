package org.finassist.server.keys;

import com.zaxxer.hikari.HikariDataSource;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Message;
import org.finassist.core.fake.FakeUpstream;
import org.finassist.core.fake.Script;
import org.finassist.core.local.LocalGroundedModel;
import org.finassist.core.provider.Flavor;
import org.finassist.core.provider.ModelSpec;
import org.finassist.core.provider.Prices;
import org.finassist.core.provider.ProviderClients;
import org.finassist.core.provider.ProviderConfig;
import org.finassist.core.router.AccountLimits;
import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.RouteConfig;
import org.finassist.core.router.RouteOptions;
import org.finassist.core.router.RouterConfig;
import org.finassist.core.router.RouterListener;
import org.finassist.prompts.PromptRenderer;
import org.finassist.server.limits.SharedLimitsTestAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue 19's acceptance: a key driven over its budget through two nodes (each its own pool, gate and router on one
 * PostgreSQL) is downgraded to the cheaper provider, then refused, at the same cluster-wide totals as on one node.
 */
class VirtualKeysClusterPgIT {

    private static final FakeUpstream DEAR = FakeUpstream.start("deepseek");
    private static final FakeUpstream CHEAP = FakeUpstream.start("deepseek");
    private static HikariDataSource poolA;
    private static HikariDataSource poolB;

    @BeforeAll
    static void start() {
        SharedLimitsTestAccess.resetSchemaOrSkip();
        poolA = SharedLimitsTestAccess.dataSource();
        poolB = SharedLimitsTestAccess.dataSource();
    }

    @AfterAll
    static void stop() {
        poolA.close();
        poolB.close();
        DEAR.close();
        CHEAP.close();
    }

    private record Node(KeyGate gate, ModelRouter router) {
        /** One gateway request: check, route (cheapest first past the soft budget), charge. */
        String ask(VirtualKey key) {
            KeyGate.Admission a = gate.admit(key, "finassist-general", "general");
            RouteOptions options = a.economy() ? RouteOptions.DEFAULT.cheapestFirst() : RouteOptions.DEFAULT;
            Completion c = router.complete(new CompletionRequest("general", List.of(Message.user("你好")), null, null,
                    null), options);
            gate.record(key, c);
            return c.provider();
        }
    }

    private static Node node(HikariDataSource pool, String name) {
        KeysProperties props = new KeysProperties(null, Duration.ofHours(1), null);
        SpendStore store = new SpendStore(JdbcClient.create(pool));
        KeyGate gate = new KeyGate(SharedLimitsTestAccess.postgres(pool, name), store,
                new SpendBuffer(store, Duration.ofHours(1), 100), Clock.systemUTC(), props);
        List<ProviderConfig> providers = List.of(provider("dear", DEAR, new Prices(BigDecimal.TEN, BigDecimal.TEN,
                BigDecimal.TEN)), provider("cheap", CHEAP, new Prices(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE)));
        RouterConfig config = new RouterConfig(providers, Map.of("general", RouteConfig.parse("general",
                List.of("dear:chat", "cheap:chat"))), null, 0, null, null, null, 0, 0, null);
        ModelRouter router = new ModelRouter(config, providers.stream().map(ProviderClients::create).toList(),
                new LocalGroundedModel(PromptRenderer.classpath()), RouterListener.NONE, AccountLimits.NONE);
        return new Node(gate, router);
    }

    private static ProviderConfig provider(String id, FakeUpstream fake, Prices prices) {
        return new ProviderConfig(id, Flavor.DEEPSEEK, fake.baseUrl(), "k", List.of(new ModelSpec("chat", "chat-up",
                64_000, null)), 16, 0, null, null, null, prices);
    }

    @Test
    void aKeyOverItsBudgetThroughTwoNodesIsDowngradedThenRefusedAtTheClusterTotal() {
        // 1000 prompt + 1000 completion tokens: 0.02 CNY on the dear provider, 0.002 on the cheap one
        DEAR.always(Script.ok("贵的回答").withUsage(1000, 1000, 0));
        CHEAP.always(Script.ok("便宜的回答").withUsage(1000, 1000, 0));
        Node a = node(poolA, "node-a");
        Node b = node(poolB, "node-b");
        VirtualKey key = new VirtualKey(42, "app", new KeyPolicy(null, null, 0, 0L, new BigDecimal("0.05"),
                new BigDecimal("0.07"), null, null, null));
        List<String> served = new ArrayList<>();
        KeyRefusal refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            Node n = i % 2 == 0 ? a : b;
            try {
                served.add(n.ask(key));
            } catch (KeyRefusal e) {
                refused = e;
            }
        }
        // 0.02 × 3 = 0.06 passes the soft 0.05 → cheap: 0.062 … 0.070 reaches the hard 0.07 → refused
        assertThat(served).containsExactly("dear", "dear", "dear", "cheap", "cheap", "cheap", "cheap", "cheap");
        assertThat(refused).isNotNull();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("budget_exceeded");
        // refused on the other node as well: the total is the cluster's, not a node's
        KeyRefusal onA = catchThrowableOfType(KeyRefusal.class, () -> a.ask(key));
        KeyRefusal onB = catchThrowableOfType(KeyRefusal.class, () -> b.ask(key));
        assertThat(onA.code()).isEqualTo("budget_exceeded");
        assertThat(onB.code()).isEqualTo("budget_exceeded");
        SpendStore.Totals totals = new SpendStore(JdbcClient.create(poolB)).totals(42,
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(totals.today()).isEqualByComparingTo("0.070");
        assertThat(DEAR.requests()).isEqualTo(3);
        assertThat(CHEAP.requests()).isEqualTo(5);
    }

    @Test
    void requestsInFlightNearAHardBudgetHoldSlotsCountedAcrossTwoNodes() {
        DEAR.always(Script.ok("贵的回答").withUsage(1000, 1000, 0));
        Node a = node(poolA, "node-a");
        Node b = node(poolB, "node-b");
        java.util.function.Supplier<BigDecimal> estimate = () -> new BigDecimal("0.02");
        Duration ttl = Duration.ofMinutes(1);
        // far from the limit: 0.10 left, so five requests estimated at 0.02 may run at once, on either node
        VirtualKey roomy = new VirtualKey(43, "roomy", new KeyPolicy(null, null, 0, 0L, null,
                new BigDecimal("0.10"), null, null, null));
        List<KeyGate.Admission> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            held.add((i % 2 == 0 ? a : b).gate().admit(roomy, "finassist-general", "general", estimate, ttl));
        }
        KeyRefusal sixth = catchThrowableOfType(KeyRefusal.class,
                () -> b.gate().admit(roomy, "finassist-general", "general", estimate, ttl));
        assertThat(sixth.code()).isEqualTo("budget_exceeded");
        held.forEach(b.gate()::release); // a slot taken on one node is given back on the other as well

        // near the limit: 0.04 spent of 0.05, so one request at a time; the slot held on A refuses B until released
        VirtualKey tight = new VirtualKey(44, "tight", new KeyPolicy(null, null, 0, 0L, null,
                new BigDecimal("0.05"), null, null, null));
        a.ask(tight);
        b.ask(tight);
        KeyGate.Admission inFlight = a.gate().admit(tight, "finassist-general", "general", estimate, ttl);
        assertThat(inFlight.inFlight()).isNotNull();
        KeyRefusal onB = catchThrowableOfType(KeyRefusal.class,
                () -> b.gate().admit(tight, "finassist-general", "general", estimate, ttl));
        assertThat(onB.status()).isEqualTo(429);
        assertThat(onB.code()).isEqualTo("budget_exceeded");
        a.gate().release(inFlight);
        KeyGate.Admission next = b.gate().admit(tight, "finassist-general", "general", estimate, ttl);
        assertThat(next.inFlight()).isNotNull();
        b.gate().release(next);
        // the slots cost nothing: the spend is what the answers cost
        SpendStore.Totals totals = new SpendStore(JdbcClient.create(poolA)).totals(44,
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(totals.today()).isEqualByComparingTo("0.04");
    }

    @Test
    void concurrentAddsFromTwoNodesToOneRowAreExact() throws Exception {
        SpendStore onA = new SpendStore(JdbcClient.create(poolA));
        SpendStore onB = new SpendStore(JdbcClient.create(poolB));
        java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 6);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Callable<Void>> adds = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                SpendStore s = i % 2 == 0 ? onA : onB;
                adds.add(() -> {
                    s.add(new Spend(7, day, "dear:chat", 1, 10, 20, new BigDecimal("0.001")));
                    return null;
                });
            }
            for (var f : pool.invokeAll(adds)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Spend row = onA.rows(7, day, day).getFirst();
        assertThat(row.requests()).isEqualTo(200);
        assertThat(row.promptTokens()).isEqualTo(2000);
        assertThat(row.costCny()).isEqualByComparingTo("0.200");
    }

}
