package org.finassist.server.support;

import org.finassist.core.fake.FakeUpstream;
import org.finassist.core.fake.Script;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Two scripted upstreams shared by the server's integration tests: {@code ds} speaks DeepSeek, {@code sf} StepFun.
 * Every route tries ds first, then sf, then local.
 */
public final class FakeUpstreams {

    public static final FakeUpstream DS = FakeUpstream.start("deepseek");
    public static final FakeUpstream SF = FakeUpstream.start("stepfun");

    private FakeUpstreams() {
    }

    /**
     * Forgets every script, recorded body and counter of both upstreams and restores their default answer: what one
     * test scripted must not answer another's requests in a shared context.
     */
    public static void resetAll() {
        for (FakeUpstream u : new FakeUpstream[]{DS, SF}) {
            u.reset();
            u.always(Script.ok("您好，这是来自上游模型的回答。"));
        }
    }

    public static void register(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> "jdbc:h2:mem:finassist-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        provider(r, 0, "ds", "deepseek", DS, "chat");
        provider(r, 1, "sf", "stepfun", SF, "step");
        r.add("finassist.router.providers.nokey.flavor", () -> "openai");
        r.add("finassist.router.providers.nokey.base-url", () -> "http://127.0.0.1:9/v1");
        r.add("finassist.router.providers.nokey.api-key", () -> "");
        r.add("finassist.router.providers.nokey.models.gpt.upstream", () -> "gpt");
        for (String route : new String[]{"general", "qa", "stock-diagnosis", "commentary", "account-opening", "witness"}) {
            r.add("finassist.router.routes." + route + "[0]", () -> "ds:chat");
            r.add("finassist.router.routes." + route + "[1]", () -> "sf:step");
        }
        r.add("finassist.router.circuit-window", () -> "1000");
        r.add("finassist.router.backoff-base", () -> "1ms");
        r.add("finassist.router.max-cool-down", () -> "500ms");
        r.add("finassist.gateway.ping-interval", () -> "300ms");
    }

    private static void provider(DynamicPropertyRegistry r, int i, String id, String flavor, FakeUpstream fake,
                                 String model) {
        String p = "finassist.router.providers." + id + ".";
        r.add(p + "flavor", () -> flavor);
        r.add(p + "base-url", () -> fake.baseUrl().toString());
        r.add(p + "api-key", () -> "test-key-" + id);
        r.add(p + "max-concurrency", () -> "64");
        r.add(p + "first-token-timeout", () -> "3s");
        r.add(p + "request-timeout", () -> "5s");
        r.add(p + "prices.input", () -> "2");
        r.add(p + "prices.output", () -> "8");
        r.add(p + "prices.cache-hit", () -> "0.5");
        r.add(p + "models." + model + ".upstream", () -> model + "-upstream");
    }
}
