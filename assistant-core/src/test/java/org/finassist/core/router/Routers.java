package org.finassist.core.router;

import org.finassist.core.local.LocalGroundedModel;
import org.finassist.core.provider.Flavor;
import org.finassist.core.provider.ModelSpec;
import org.finassist.core.provider.Prices;
import org.finassist.core.provider.ProviderClient;
import org.finassist.core.provider.ProviderConfig;
import org.finassist.core.provider.internal.OpenAiCompatibleClient;
import org.finassist.prompts.PromptRenderer;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds routers over fake upstreams for tests. */
final class Routers {

    static final Prices PRICES = new Prices(new BigDecimal("2"), new BigDecimal("8"), new BigDecimal("0.5"));

    private Routers() {
    }

    static ProviderConfig provider(String id, Flavor flavor, URI base, String key, int maxConcurrency,
                                   ModelSpec... models) {
        return new ProviderConfig(id, flavor, base, key, List.of(models), maxConcurrency, 0,
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), PRICES);
    }

    static ModelSpec model(String alias) {
        return new ModelSpec(alias, alias + "-upstream", 64_000, null);
    }

    static ModelRouter router(RouterConfig config, RouterListener listener) {
        List<ProviderClient> clients = new ArrayList<>();
        for (ProviderConfig p : config.providers()) {
            if (p.hasKey()) {
                clients.add(new OpenAiCompatibleClient(p));
            }
        }
        return new ModelRouter(config, clients, new LocalGroundedModel(PromptRenderer.classpath()), listener);
    }

    static RouterConfig config(List<ProviderConfig> providers, Map<String, RouteConfig> routes, int circuitWindow,
                               Duration openFor) {
        return new RouterConfig(providers, routes, Duration.ofSeconds(10), 3, Duration.ofMillis(5),
                Duration.ofMillis(50), Duration.ofMillis(300), 50f, circuitWindow, openFor);
    }

    static Map<String, RouteConfig> route(String name, String... ranks) {
        return Map.of(name, RouteConfig.parse(name, List.of(ranks)));
    }
}
