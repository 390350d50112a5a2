package org.finassist.core.router;

import org.finassist.core.chat.Attempt;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Message;
import org.finassist.core.chat.RouterException;
import org.finassist.core.fake.FakeUpstream;
import org.finassist.core.fake.Script;
import org.finassist.core.provider.Flavor;
import org.finassist.core.provider.ModelSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouterLimitsIT {

    private final FakeUpstream a = FakeUpstream.start("openai");
    private final FakeUpstream b = FakeUpstream.start("deepseek");

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    @Test
    void perProviderConcurrencyCapHoldsUnder200ParallelRequests() throws Exception {
        a.keepBodies(false).always(Script.ok("慢回答").withHeaderDelay(Duration.ofMillis(60)));
        ModelRouter router = Routers.router(Routers.config(List.of(
                Routers.provider("a", Flavor.OPENAI, a.baseUrl(), "k", 6, Routers.model("m"))),
                Routers.route("qa", "a:m"), 1000, Duration.ofSeconds(30)), null);
        // warm the HTTP client up so cold-start class loading does not count against the timeouts
        boolean warm = false;
        for (int i = 0; i < 5 && !warm; i++) {
            warm = router.complete(CompletionRequest.of("qa", List.of(Message.user("warm")))).provider().equals("a");
        }
        assertThat(warm).as("provider a answers at all").isTrue();
        a.reset();
        List<Future<Completion>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> router.complete(CompletionRequest.of("qa", List.of(Message.user("q"))))));
            }
        }
        long viaA = 0;
        long saturated = 0;
        for (Future<Completion> f : futures) {
            Completion c = f.get();
            assertThat(c.content()).isNotBlank();
            if (c.provider().equals("a")) {
                viaA++;
            } else if (c.trail().attempts().stream().map(Attempt::reason).anyMatch("saturated"::equals)) {
                saturated++;
            }
        }
        assertThat(a.maxInFlight()).as("in flight at provider a").isLessThanOrEqualTo(6).isGreaterThan(1);
        assertThat(futures).hasSize(200);
        // at least one full wave; how many waves fit in the 500 ms bulkhead wait depends on the machine's load
        assertThat(viaA).as("answered by a").isGreaterThanOrEqualTo(6);
        assertThat(saturated).as("sent on because a was saturated").isPositive();
    }

    @Test
    void contextTooLongMovesToALargerContextCandidateOnly() {
        a.always(Script.status(400, "This model's maximum context length is 8192 tokens"));
        b.always(Script.ok("长上下文模型的回答"));
        ModelRouter router = Routers.router(Routers.config(List.of(
                Routers.provider("a", Flavor.OPENAI, a.baseUrl(), "k", 4, new ModelSpec("small", "s", 8192, null)),
                Routers.provider("b", Flavor.DEEPSEEK, b.baseUrl(), "k", 4, new ModelSpec("big", "b", 128_000, null))),
                Routers.route("qa", "a:small", "b:big"), 10, Duration.ofSeconds(5)), null);
        Completion c = router.complete(CompletionRequest.of("qa", List.of(Message.user("很长的问题"))));
        assertThat(c.provider()).isEqualTo("b");

        ModelRouter onlySmall = Routers.router(Routers.config(List.of(
                Routers.provider("a", Flavor.OPENAI, a.baseUrl(), "k", 4, new ModelSpec("small", "s", 8192, null))),
                Routers.route("qa", "a:small"), 10, Duration.ofSeconds(5)), null);
        assertThatThrownBy(() -> onlySmall.complete(CompletionRequest.of("qa", List.of(Message.user("x")))))
                .isInstanceOf(RouterException.class)
                .extracting(e -> ((RouterException) e).kind()).isEqualTo(RouterException.Kind.CONTEXT_TOO_LONG);
    }

    @Test
    void providerWithoutKeyIsReportedDisabledAndSkipped() {
        b.always(Script.ok("b"));
        ModelRouter router = Routers.router(Routers.config(List.of(
                Routers.provider("a", Flavor.OPENAI, a.baseUrl(), "", 4, Routers.model("m")),
                Routers.provider("b", Flavor.DEEPSEEK, b.baseUrl(), "k", 4, Routers.model("chat"))),
                Routers.route("general", "a:m", "b:chat"), 10, Duration.ofSeconds(5)), null);
        assertThat(router.providerStatuses()).filteredOn(s -> s.id().equals("a"))
                .singleElement().satisfies(s -> assertThat(s.state()).isEqualTo("disabled"));
        Completion c = router.complete(CompletionRequest.of(null, List.of(Message.user("hi"))));
        assertThat(c.provider()).isEqualTo("b");
        assertThat(c.trail().attempts().getFirst().reason()).isEqualTo("disabled");
        assertThat(a.requests()).isZero();
    }

    @Test
    void overallDeadlineHoldsAcrossAttempts() {
        a.always(Script.ok("late").withHeaderDelay(Duration.ofMillis(700)));
        b.always(Script.ok("late").withHeaderDelay(Duration.ofMillis(700)));
        ModelRouter router = Routers.router(Routers.config(List.of(
                Routers.provider("a", Flavor.OPENAI, a.baseUrl(), "k", 4, Routers.model("m")),
                Routers.provider("b", Flavor.DEEPSEEK, b.baseUrl(), "k", 4, Routers.model("chat"))),
                Routers.route("qa", "a:m", "b:chat"), 10, Duration.ofSeconds(5)), null);
        long t0 = System.nanoTime();
        Completion c = router.complete(new CompletionRequest("qa", List.of(Message.user("x")), Map.of(), null,
                Duration.ofMillis(400)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(c.provider()).isEqualTo("local");
        assertThat(ms).as("deadline 400 ms, with slack for the local answer").isLessThan(1500);
    }

    @Test
    void unknownModelAndEmptyMessagesAreClientErrors() {
        ModelRouter router = Routers.router(Routers.config(List.of(), Map.of(), 10, Duration.ofSeconds(5)), null);
        assertThatThrownBy(() -> router.complete(CompletionRequest.of("nope", List.of(Message.user("x")))))
                .isInstanceOf(RouterException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> router.complete(CompletionRequest.of("qa", List.of())))
                .isInstanceOf(RouterException.class).hasMessageContaining("messages");
        assertThat(router.complete(CompletionRequest.of("local:grounded", List.of(Message.user("x")))).provider())
                .isEqualTo("local");
    }
}
