package org.finassist.core.router;

import org.finassist.core.chat.Attempt;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionListener;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Message;
import org.finassist.core.chat.RouterException;
import org.finassist.core.fake.FakeUpstream;
import org.finassist.core.fake.Script;
import org.finassist.core.provider.Flavor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouterFailoverIT {

    private FakeUpstream a;
    private FakeUpstream b;
    private ModelRouter router;

    @BeforeEach
    void start() {
        a = FakeUpstream.start("deepseek");
        b = FakeUpstream.start("stepfun");
        router = Routers.router(Routers.config(List.of(
                Routers.provider("a", Flavor.DEEPSEEK, a.baseUrl(), "key-a", 8, Routers.model("chat")),
                Routers.provider("b", Flavor.STEPFUN, b.baseUrl(), "key-b", 8, Routers.model("step"))),
                Routers.route("qa", "a:chat", "b:step"), 4, Duration.ofMillis(300)), null);
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    private static CompletionRequest ask(String text) {
        return CompletionRequest.of("qa", List.of(Message.user(text)));
    }

    @Test
    void rateLimitedGoesToNextCandidateAndHonoursRetryAfter() {
        a.enqueue(Script.status(429, "rate limit reached").withRetryAfter(30));
        b.always(Script.ok("来自B的回答"));

        Completion first = router.complete(ask("手续费多少"));
        assertThat(first.provider()).isEqualTo("b");
        assertThat(first.content()).isEqualTo("来自B的回答");
        Attempt failed = first.trail().attempts().getFirst();
        assertThat(failed.provider()).isEqualTo("a");
        assertThat(failed.reason()).isEqualTo("rate_limited");
        assertThat(failed.httpStatus()).isEqualTo(429);

        Completion second = router.complete(ask("再问一次"));
        assertThat(second.provider()).isEqualTo("b");
        assertThat(second.trail().attempts().getFirst().reason()).isEqualTo("cooling_down");
        assertThat(a.requests()).as("A must not be called again inside its Retry-After").isEqualTo(1);
    }

    @Test
    void insufficientBalanceMovesToNextProvider() {
        a.always(Script.status(402, "Insufficient Balance"));
        b.always(Script.ok("ok"));
        Completion c = router.complete(ask("你好"));
        assertThat(c.provider()).isEqualTo("b");
        assertThat(c.trail().attempts().getFirst().reason()).isEqualTo("insufficient_balance");
    }

    @Test
    void requestErrorsFailFastWithoutTryingOthers() {
        a.always(Script.status(400, "temperature must be <= 2"));
        assertThatThrownBy(() -> router.complete(ask("x")))
                .isInstanceOf(RouterException.class)
                .hasMessageContaining("temperature must be <= 2")
                .extracting(e -> ((RouterException) e).kind()).isEqualTo(RouterException.Kind.INVALID_REQUEST);
        assertThat(b.requests()).isZero();
    }

    @Test
    void slowProviderTimesOutAndTheNextAnswers() {
        a.always(Script.ok("late").withHeaderDelay(Duration.ofMillis(3000)));
        b.always(Script.ok("fast"));
        Completion c = router.complete(ask("x"));
        assertThat(c.content()).isEqualTo("fast");
        assertThat(c.trail().attempts().getFirst().reason()).isEqualTo("timeout");
    }

    @Test
    void everyProviderDownStillAnswersThroughLocal() {
        a.always(Script.status(503, "Server overloaded"));
        b.always(Script.status(500, "boom"));
        Completion c = router.complete(ask("开户需要什么"));
        assertThat(c.provider()).isEqualTo("local");
        assertThat(c.content()).contains("转人工");
        assertThat(c.trail().attempts()).extracting(Attempt::reason)
                .containsExactly("overloaded", "server_error", null);
    }

    @Test
    void streamBrokenBeforeFirstTokenFailsOverToNextCandidate() {
        a.enqueue(Script.ok("never").droppingAfter(0));
        b.always(Script.ok("完整的回答"));
        Recorder rec = new Recorder();
        router.stream(ask("x"), rec);
        assertThat(rec.error).isNull();
        assertThat(rec.text()).isEqualTo("完整的回答");
        assertThat(rec.done.provider()).isEqualTo("b");
        assertThat(rec.done.trail().attempts().getFirst().reason()).isEqualTo("stream_broken");
    }

    @Test
    void malformedStreamBeforeFirstTokenFailsOver() {
        a.enqueue(Script.ok("never").malformedFirst());
        b.always(Script.ok("好"));
        Recorder rec = new Recorder();
        router.stream(ask("x"), rec);
        assertThat(rec.text()).isEqualTo("好");
        assertThat(rec.done.trail().attempts().getFirst().reason()).isEqualTo("malformed_response");
    }

    @Test
    void streamBrokenAfterFirstTokenEndsWithErrorAndNoDuplicatedText() {
        a.enqueue(Script.ok("一二三四五六").droppingAfter(2));
        b.always(Script.ok("不应出现"));
        Recorder rec = new Recorder();
        router.stream(ask("x"), rec);
        assertThat(rec.text()).isEqualTo("一二三四");
        assertThat(rec.error).isNotNull();
        assertThat(rec.error.kind()).isEqualTo(RouterException.Kind.STREAM_INTERRUPTED);
        assertThat(rec.done).isNull();
        assertThat(b.requests()).isZero();
    }

    @Test
    void circuitOpensAfterRepeatedFailuresAndClosesAfterTheProbe() throws InterruptedException {
        a.always(Script.status(500, "down"));
        b.always(Script.ok("b"));
        for (int i = 0; i < 4; i++) {
            router.complete(ask("x" + i));
        }
        int callsWhenOpen = a.requests();
        Completion skipped = router.complete(ask("open?"));
        assertThat(skipped.trail().attempts().getFirst().reason()).isEqualTo("circuit_open");
        assertThat(a.requests()).isEqualTo(callsWhenOpen);
        assertThat(status("a")).isEqualTo("circuit_open");

        Thread.sleep(400);
        a.always(Script.ok("a is back"));
        Completion probe = router.complete(ask("probe"));
        assertThat(probe.provider()).isEqualTo("a");
        assertThat(status("a")).isEqualTo("up");
    }

    @Test
    void reasoningOfBothFlavorsArrivesApartFromTheAnswer() {
        a.always(Script.ok("答案A").withReasoning("思考A", 5).withUsage(100, 12, 60));
        Completion ds = router.complete(ask("x"));
        assertThat(ds.content()).isEqualTo("答案A");
        assertThat(ds.reasoning()).isEqualTo("思考A");
        assertThat(ds.usage().cacheHitTokens()).isEqualTo(60);
        // 40 uncached × 2 + 60 cached × 0.5 + 12 out × 8, per million
        assertThat(ds.costCny()).isEqualByComparingTo("0.000206");

        a.always(Script.status(503, "overloaded"));
        b.always(Script.ok("答案B").withReasoning("思考B", 3));
        Recorder rec = new Recorder();
        router.stream(ask("y"), rec);
        assertThat(rec.text()).isEqualTo("答案B");
        assertThat(String.join("", rec.reasoning)).isEqualTo("思考B");
        assertThat(rec.done.reasoning()).isEqualTo("思考B");
        assertThat(rec.done.usage().reasoningTokens()).isEqualTo(3);
    }

    @Test
    void personalDataIsMaskedBeforeItLeavesForAProvider() {
        a.always(Script.ok("好的"));
        router.complete(ask("我的身份证号11010519491231002X，手机13812345678"));
        String sent = a.bodies().getLast().path("messages").get(0).path("content").asText();
        assertThat(sent).doesNotContain("11010519491231002X").doesNotContain("13812345678").contains("138****5678");
    }

    private String status(String id) {
        return router.providerStatuses().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow().state();
    }

    static final class Recorder implements CompletionListener {
        final List<String> content = new CopyOnWriteArrayList<>();
        final List<String> reasoning = new CopyOnWriteArrayList<>();
        final List<org.finassist.core.chat.InterruptedCharge> charges = new CopyOnWriteArrayList<>();
        Completion done;
        RouterException error;
        /** Whether a charge came after the error: an account charged from the listener would see it too late. */
        boolean chargedAfterError;

        @Override
        public void onInterruptedCharge(org.finassist.core.chat.InterruptedCharge charge) {
            chargedAfterError |= error != null;
            charges.add(charge);
        }

        @Override
        public void onReasoning(String delta) {
            reasoning.add(delta);
        }

        @Override
        public void onContent(String delta) {
            content.add(delta);
        }

        @Override
        public void onComplete(Completion completion) {
            done = completion;
        }

        @Override
        public void onError(RouterException e) {
            error = e;
        }

        String text() {
            return String.join("", content);
        }
    }
}
