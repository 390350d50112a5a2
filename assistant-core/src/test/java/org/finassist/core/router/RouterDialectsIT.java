package org.finassist.core.router;

import org.finassist.core.chat.Cancellation;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Message;
import org.finassist.core.chat.RouterException;
import org.finassist.core.chat.Usage;
import org.finassist.core.fake.FakeUpstream;
import org.finassist.core.fake.Script;
import org.finassist.core.provider.Flavor;
import org.finassist.core.provider.ProviderConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each vendor dialect of the scripted upstream against the router: StepFun's blank finish reasons and cumulative
 * usage, DeepSeek's keep-alive queue, OpenAI's usage chunk, huge Retry-After values, cancellation before the first
 * token, interrupted streams still accounted, and the refusal of the local fallback.
 */
class RouterDialectsIT {

    private FakeUpstream ds;
    private FakeUpstream sf;
    private FakeUpstream oa;
    private final Recording events = new Recording();
    private ModelRouter router;

    @BeforeEach
    void start() {
        ds = FakeUpstream.start("deepseek");
        sf = FakeUpstream.start("stepfun");
        oa = FakeUpstream.start("openai");
        router = routerWith(Duration.ofSeconds(60), Duration.ofMillis(300), 1000);
    }

    private ModelRouter routerWith(Duration dsQueueTimeout, Duration maxCoolDown, int circuitWindow) {
        List<ProviderConfig> providers = List.of(
                new ProviderConfig("ds", Flavor.DEEPSEEK, ds.baseUrl(), "k", List.of(Routers.model("chat")), 8, 0,
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Routers.PRICES,
                        dsQueueTimeout),
                Routers.provider("sf", Flavor.STEPFUN, sf.baseUrl(), "k", 8, Routers.model("step")),
                Routers.provider("oa", Flavor.OPENAI, oa.baseUrl(), "k", 8, Routers.model("gpt")));
        Map<String, RouteConfig> routes = Map.of(
                "qa", RouteConfig.parse("qa", List.of("ds:chat", "sf:step")),
                "sf-first", RouteConfig.parse("sf-first", List.of("sf:step", "ds:chat")),
                "oa-first", RouteConfig.parse("oa-first", List.of("oa:gpt")));
        RouterConfig config = new RouterConfig(providers, routes, Duration.ofSeconds(20), 3, Duration.ofMillis(5),
                Duration.ofMillis(50), Duration.ofMillis(300), 50f, circuitWindow, Duration.ofSeconds(30),
                maxCoolDown);
        return Routers.router(config, events);
    }

    @AfterEach
    void stop() {
        ds.close();
        sf.close();
        oa.close();
    }

    private static CompletionRequest ask(String route, String text) {
        return CompletionRequest.of(route, List.of(Message.user(text)));
    }

    @Test
    void stepFunStreamCutCleanlyMidwayIsAnErrorAndBilledFromItsCumulativeUsage() {
        sf.enqueue(Script.ok("一二三四五六七八九十").withUsage(40, 10, 0).droppingAfter(3));
        RouterFailoverIT.Recorder rec = new RouterFailoverIT.Recorder();
        router.stream(ask("sf-first", "x"), rec);
        assertThat(rec.text()).isEqualTo("一二三四五六");
        assertThat(rec.done).as("blank finish reasons are not a finish").isNull();
        assertThat(rec.error.kind()).isEqualTo(RouterException.Kind.STREAM_INTERRUPTED);
        assertThat(ds.requests()).isZero();
        assertThat(events.billed).hasSize(1);
        Billed b = events.billed.getFirst();
        assertThat(b.provider).isEqualTo("sf");
        assertThat(b.estimated).isFalse();
        assertThat(b.usage.promptTokens()).isEqualTo(40);
        assertThat(b.usage.completionTokens()).isEqualTo(3);
        // the request's own listener is charged the same, before its error (the gateway charges the key from it)
        assertThat(rec.charges).singleElement().satisfies(c -> {
            assertThat(c.provider()).isEqualTo("sf");
            assertThat(c.usage()).isEqualTo(b.usage);
            assertThat(c.costCny()).isEqualByComparingTo(b.cost);
            assertThat(c.estimated()).isFalse();
        });
        assertThat(rec.chargedAfterError).isFalse();
    }

    @Test
    void stepFunStreamThatFinishesIsCompleteWithItsTopLevelCachedTokensPriced() {
        sf.always(Script.ok("完整回答").withUsage(100, 10, 80));
        RouterFailoverIT.Recorder rec = new RouterFailoverIT.Recorder();
        router.stream(ask("sf-first", "x"), rec);
        assertThat(rec.error).isNull();
        assertThat(rec.done.finishReason()).isEqualTo("stop");
        assertThat(rec.done.usage().cacheHitTokens()).isEqualTo(80);
        // 20 uncached × 2 + 80 cached × 0.5 + 10 out × 8, per million
        assertThat(rec.done.costCny()).isEqualByComparingTo("0.000160");
        assertThat(router.complete(ask("sf-first", "y")).usage().cacheHitTokens()).isEqualTo(80);
    }

    @Test
    void deepSeekStreamCutWithoutUsageIsBilledAsAnEstimate() {
        ds.enqueue(Script.ok("一二三四五六").droppingAfter(2));
        RouterFailoverIT.Recorder rec = new RouterFailoverIT.Recorder();
        router.stream(ask("qa", "手续费是多少"), rec);
        assertThat(rec.error.kind()).isEqualTo(RouterException.Kind.STREAM_INTERRUPTED);
        Billed b = events.billed.getFirst();
        assertThat(b.estimated).isTrue();
        assertThat(b.usage.completionTokens()).isEqualTo(4);
        assertThat(b.usage.promptTokens()).isPositive();
        assertThat(b.cost).isPositive();
        assertThat(rec.charges).singleElement().satisfies(c -> {
            assertThat(c.usage()).isEqualTo(b.usage);
            assertThat(c.estimated()).isTrue();
        });
    }

    @Test
    void openAiUsageChunkIsRead() {
        oa.always(Script.ok("hi").withUsage(30, 2, 10));
        RouterFailoverIT.Recorder rec = new RouterFailoverIT.Recorder();
        router.stream(ask("oa-first", "x"), rec);
        assertThat(rec.done.usage().cacheHitTokens()).isEqualTo(10);
        assertThat(oa.bodies().getLast().path("stream_options").path("include_usage").asBoolean()).isTrue();
    }

    @Test
    void queuedDeepSeekStreamWaitsPastTheFirstTokenTimeout() {
        // 6 × 500 ms of keep-alives: longer than the 2 s first-token timeout, inside the 60 s queue timeout
        ds.enqueue(Script.ok("排队后的回答").queuedFor(6, Duration.ofMillis(500)));
        RouterFailoverIT.Recorder rec = new RouterFailoverIT.Recorder();
        router.stream(ask("qa", "x"), rec);
        assertThat(rec.error).isNull();
        assertThat(rec.done.provider()).isEqualTo("ds");
        assertThat(rec.text()).isEqualTo("排队后的回答");
    }

    @Test
    void queueTimeoutFailsOverWithoutCountingAgainstTheCircuit() {
        router = routerWith(Duration.ofMillis(800), Duration.ofMillis(300), 1);
        ds.enqueue(Script.ok("太晚").queuedFor(20, Duration.ofMillis(200)));
        sf.always(Script.ok("阶跃"));
        RouterFailoverIT.Recorder rec = new RouterFailoverIT.Recorder();
        router.stream(ask("qa", "x"), rec);
        assertThat(rec.done.provider()).isEqualTo("sf");
        assertThat(rec.done.trail().attempts().getFirst().reason()).isEqualTo("queue_timeout");
        // a window of one call: one counted failure would have opened the circuit
        assertThat(state("ds")).isEqualTo("up");
        ds.always(Script.ok("深度"));
        assertThat(router.complete(ask("qa", "y")).provider()).isEqualTo("ds");
    }

    @Test
    void hugeRetryAfterFailsOverAndSidelinesOnlyUpToTheMaximumCoolDown() throws InterruptedException {
        // a 1.5 s maximum cool-down: wide enough that the second call lands inside it on a loaded machine (300 ms
        // was not), short enough that "not a day" is seen by polling for the provider's return
        router = routerWith(Duration.ofSeconds(60), Duration.ofMillis(1500), 1000);
        sf.always(Script.ok("阶跃"));
        for (String retryAfter : List.of("10000000000", "86400", "99999999999999999999999999")) {
            ds.reset();
            ds.always(Script.ok("深度"));
            ds.enqueue(Script.status(429, "slow down").withRetryAfter(retryAfter));
            long sidelined = System.nanoTime();
            Completion c = router.complete(ask("qa", "x"));
            assertThat(c.provider()).as(retryAfter).isEqualTo("sf");
            assertThat(c.trail().attempts().getFirst().reason()).isEqualTo("rate_limited");
            assertThat(router.complete(ask("qa", "y")).trail().attempts().getFirst().reason())
                    .isEqualTo("cooling_down");
            String back = "sf";
            while (!"ds".equals(back) && System.nanoTime() - sidelined < Duration.ofSeconds(10).toNanos()) {
                Thread.sleep(100);
                back = router.complete(ask("qa", "z")).provider();
            }
            assertThat(back).as(retryAfter + ": back within the maximum cool-down, not after Retry-After").isEqualTo("ds");
            assertThat(Duration.ofNanos(System.nanoTime() - sidelined)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
        }
    }

    @Test
    void cancellingAStreamBeforeItsFirstTokenAbortsTheCallAndStartsNoOtherCandidate() throws Exception {
        ds.always(Script.ok("没人听").queuedFor(100, Duration.ofMillis(50)));
        Cancellation cancel = new Cancellation();
        RouterFailoverIT.Recorder rec = new RouterFailoverIT.Recorder();
        CompletableFuture<Void> run = CompletableFuture.runAsync(() ->
                router.stream(ask("qa", "x"), rec, new RouteOptions(cancel, true)));
        awaitCount(ds::requests, 1);
        cancel.cancel("client_disconnected");
        run.get(3, TimeUnit.SECONDS);
        assertThat(rec.error.kind()).isEqualTo(RouterException.Kind.CANCELLED);
        assertThat(rec.done).isNull();
        awaitCount(ds::disconnects, 1);
        assertThat(sf.requests()).as("no further (paid) candidate").isZero();
        assertThat(events.cancelled.get()).isEqualTo(1);
        assertThat(state("ds")).isEqualTo("up");
    }

    @Test
    void cancellingANonStreamedCallAbortsItToo() throws Exception {
        ds.always(Script.ok("没人听").queuedFor(100, Duration.ofMillis(50)));
        Cancellation cancel = new Cancellation();
        CompletableFuture<Completion> run = CompletableFuture.supplyAsync(() ->
                router.complete(ask("qa", "x"), new RouteOptions(cancel, true)));
        awaitCount(ds::requests, 1);
        cancel.cancel("client_disconnected");
        assertThatThrownBy(() -> run.get(3, TimeUnit.SECONDS)).hasCauseInstanceOf(RouterException.class)
                .cause().extracting(e -> ((RouterException) e).kind()).isEqualTo(RouterException.Kind.CANCELLED);
        awaitCount(ds::disconnects, 1);
        assertThat(sf.requests()).isZero();
    }

    @Test
    void withoutLocalFallbackEveryProviderDownIsUnavailable() {
        ds.always(Script.status(503, "overloaded"));
        sf.always(Script.status(500, "boom"));
        assertThatThrownBy(() -> router.complete(ask("qa", "x"), new RouteOptions(null, false)))
                .isInstanceOfSatisfying(RouterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RouterException.Kind.UNAVAILABLE);
                    assertThat(e.trail().attempts()).extracting(a -> a.provider()).containsExactly("ds", "sf");
                });
        assertThat(router.complete(ask("qa", "x")).provider()).as("the default still falls back").isEqualTo("local");
    }

    private String state(String id) {
        return router.providerStatuses().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow().state();
    }

    /** Polls a counter the fake updates from its own threads (bounded, so a regression fails instead of hanging). */
    private static void awaitCount(java.util.function.IntSupplier counter, int atLeast) throws InterruptedException {
        for (int i = 0; i < 100 && counter.getAsInt() < atLeast; i++) {
            Thread.sleep(50);
        }
        assertThat(counter.getAsInt()).isGreaterThanOrEqualTo(atLeast);
    }

    record Billed(String provider, Usage usage, BigDecimal cost, boolean estimated) {
    }

    static final class Recording implements RouterListener {
        final List<Billed> billed = new CopyOnWriteArrayList<>();
        final AtomicInteger cancelled = new AtomicInteger();

        @Override
        public void cancelled(String route) {
            cancelled.incrementAndGet();
        }

        @Override
        public void billedInterrupted(String route, String provider, String model, Usage usage, BigDecimal cost,
                                      boolean estimated) {
            billed.add(new Billed(provider, usage, cost, estimated));
        }
    }
}
