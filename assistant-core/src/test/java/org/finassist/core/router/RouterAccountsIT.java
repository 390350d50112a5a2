package org.finassist.core.router;

import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Message;
import org.finassist.core.fake.FakeUpstream;
import org.finassist.core.fake.Script;
import org.finassist.core.provider.Flavor;
import org.finassist.core.provider.Prices;
import org.finassist.core.provider.ProviderConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The router's use of {@link AccountLimits} (account permits, the shared circuit) and of cheapest-first routing. */
class RouterAccountsIT {

    private final FakeUpstream dear = FakeUpstream.start("openai");
    private final FakeUpstream cheap = FakeUpstream.start("deepseek");

    @AfterEach
    void stop() {
        dear.close();
        cheap.close();
    }

    /** Records what the router asks of the account; refuses or reports open as told. */
    private static final class Recording implements AccountLimits {
        final List<String> admitted = new CopyOnWriteArrayList<>();
        final List<Long> released = new CopyOnWriteArrayList<>();
        final List<String> opened = new CopyOnWriteArrayList<>();
        volatile String refuse;
        volatile Instant openUntil = Instant.EPOCH;

        @Override
        public Permit admit(String provider, boolean batch, Duration hold) {
            admitted.add(provider + (batch ? "@batch" : "@chat"));
            String reason = refuse;
            return new Permit() {
                @Override
                public String refused() {
                    return reason;
                }

                @Override
                public void release(long tokens) {
                    released.add(tokens);
                }
            };
        }

        @Override
        public Instant openUntil(String provider) {
            return provider.equals("dear") ? openUntil : Instant.EPOCH;
        }

        @Override
        public void opened(String provider, Instant until) {
            opened.add(provider);
        }

        @Override
        public void closed(String provider) {
        }
    }

    private ModelRouter router(Recording accounts, int circuitWindow) {
        List<ProviderConfig> providers = List.of(
                provider("dear", Flavor.OPENAI, dear, new Prices(BigDecimal.TEN, BigDecimal.TEN, null)),
                provider("cheap", Flavor.DEEPSEEK, cheap, new Prices(BigDecimal.ONE, BigDecimal.ONE, null)));
        RouterConfig config = Routers.config(providers, Routers.route("qa", "dear:m", "cheap:m"), circuitWindow,
                Duration.ofSeconds(30));
        List<org.finassist.core.provider.ProviderClient> clients = new ArrayList<>();
        providers.forEach(p -> clients.add(new org.finassist.core.provider.internal.OpenAiCompatibleClient(p)));
        return new ModelRouter(config, clients, new org.finassist.core.local.LocalGroundedModel(
                org.finassist.prompts.PromptRenderer.classpath()), null, accounts);
    }

    private static ProviderConfig provider(String id, Flavor flavor, FakeUpstream fake, Prices prices) {
        return new ProviderConfig(id, flavor, fake.baseUrl(), "k", List.of(Routers.model("m")), 8, 0,
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), prices);
    }

    private static CompletionRequest ask() {
        return CompletionRequest.of("qa", List.of(Message.user("你好")));
    }

    @Test
    void anAdmittedCallReleasesItsPermitOnceWithTheTokensItUsed() {
        Recording accounts = new Recording();
        dear.always(Script.ok("贵").withUsage(120, 30, 0));
        Completion c = router(accounts, 100).complete(ask());
        assertThat(c.provider()).isEqualTo("dear");
        assertThat(accounts.admitted).containsExactly("dear@chat");
        assertThat(accounts.released).containsExactly(150L);
    }

    @Test
    void aBatchJobsCallIsAskedForAsBatch() {
        Recording accounts = new Recording();
        dear.always(Script.ok("贵"));
        router(accounts, 100).complete(ask(), RouteOptions.BATCH);
        assertThat(accounts.admitted).containsExactly("dear@batch");
    }

    @Test
    void aFullAccountIsSkippedForTheNextCandidateWithoutACall() {
        Recording accounts = new Recording();
        accounts.refuse = "account_saturated";
        cheap.always(Script.ok("便宜"));
        Completion c = router(accounts, 100).complete(ask());
        assertThat(c.trail().attempts().getFirst().reason()).isEqualTo("account_saturated");
        assertThat(dear.requests()).isZero();
        assertThat(accounts.released).isEmpty();
    }

    @Test
    void aCircuitAnotherNodeOpenedIsSkippedWithoutACall() {
        Recording accounts = new Recording();
        accounts.openUntil = Instant.now().plusSeconds(60);
        cheap.always(Script.ok("便宜"));
        Completion c = router(accounts, 100).complete(ask());
        assertThat(c.provider()).isEqualTo("cheap");
        assertThat(c.trail().attempts().getFirst().reason()).isEqualTo("circuit_open");
        assertThat(dear.requests()).isZero();
    }

    @Test
    void aCircuitThisNodeOpensIsPublished() {
        Recording accounts = new Recording();
        dear.always(Script.status(500, "down"));
        cheap.always(Script.ok("便宜"));
        ModelRouter router = router(accounts, 2);
        router.complete(ask());
        router.complete(ask());
        assertThat(accounts.opened).containsExactly("dear");
    }

    @Test
    void cheapestFirstTriesTheCheaperCandidateWhateverItsRank() {
        Recording accounts = new Recording();
        dear.always(Script.ok("贵"));
        cheap.always(Script.ok("便宜"));
        ModelRouter router = router(accounts, 100);
        assertThat(router.complete(ask()).provider()).isEqualTo("dear");
        assertThat(router.complete(ask(), RouteOptions.DEFAULT.cheapestFirst()).provider()).isEqualTo("cheap");
    }
}
