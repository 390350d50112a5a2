package org.finassist.server.limits;

import org.finassist.core.fake.FakeUpstream;
import org.finassist.core.local.LocalGroundedModel;
import org.finassist.core.provider.Flavor;
import org.finassist.core.provider.ModelSpec;
import org.finassist.core.provider.Prices;
import org.finassist.core.provider.ProviderClient;
import org.finassist.core.provider.ProviderClients;
import org.finassist.core.provider.ProviderConfig;
import org.finassist.core.router.AccountLimits;
import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.RouteConfig;
import org.finassist.core.router.RouterConfig;
import org.finassist.core.router.RouterListener;
import org.finassist.prompts.PromptRenderer;
import org.finassist.server.router.RouterProperties;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Routers as two nodes would build them: providers "ds" (dear) and "sf" (cheap) on fake upstreams. */
final class TwoNodes {

    static final Prices DEAR = new Prices(new BigDecimal("10"), new BigDecimal("10"), new BigDecimal("10"));
    static final Prices CHEAP = new Prices(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE);
    private static final PromptRenderer PROMPTS = PromptRenderer.classpath();

    private TwoNodes() {
    }

    static ProviderConfig provider(String id, FakeUpstream fake, Prices prices) {
        return new ProviderConfig(id, Flavor.DEEPSEEK, fake.baseUrl(), "k-" + id,
                List.of(new ModelSpec("chat", "chat-upstream", 64_000, null)), 64, 0, Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(10), prices);
    }

    /** A router whose "general" and (batch) "commentary" routes try {@code ranks} in order; circuit window {@code window}. */
    static ModelRouter router(List<ProviderConfig> providers, AccountLimits accounts, int window, String... ranks) {
        RouterConfig config = new RouterConfig(providers, Map.of("general", RouteConfig.parse("general", List.of(ranks)),
                "commentary", RouteConfig.parse("commentary", List.of(ranks))),
                Duration.ofSeconds(30), 3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(100), 50f,
                window, Duration.ofSeconds(60));
        List<ProviderClient> clients = providers.stream().map(ProviderClients::create).toList();
        return new ModelRouter(config, clients, new LocalGroundedModel(PROMPTS), RouterListener.NONE, accounts);
    }

    /** Account limits of provider {@code id} read from properties, as {@code finassist.router.providers.<id>.account}. */
    static AccountLimits accounts(SharedLimits limits, String id, RouterProperties.Account account, Duration chatWait) {
        RouterProperties.Provider p = new RouterProperties.Provider(id, "deepseek", null, null, null, 0, 0, null, null,
                null, null, null, account);
        RouterProperties router = new RouterProperties(Map.of(id, p), null, null, 0, null, null, null, 0, 0, null, null,
                null, null);
        return new AccountLimitsAdapter(limits, router, new LimitsProperties("postgres", Duration.ZERO, chatWait,
                chatWait));
    }
}
