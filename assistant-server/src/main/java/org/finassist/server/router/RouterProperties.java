package org.finassist.server.router;

import org.finassist.core.provider.Flavor;
import org.finassist.core.provider.ModelSpec;
import org.finassist.core.provider.Prices;
import org.finassist.core.provider.ProviderConfig;
import org.finassist.core.router.RouteConfig;
import org.finassist.core.router.RouterConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code finassist.router.*}: providers, routes and failover settings (see application.yml and README). */
@ConfigurationProperties("finassist.router")
public record RouterProperties(List<Provider> providers, Map<String, List<String>> routes, Duration defaultDeadline,
                               int maxAttempts, Duration backoffBase, Duration backoffMax, Duration bulkheadMaxWait,
                               float circuitFailureRate, int circuitWindow, Duration circuitOpenFor,
                               Double classifierMinConfidence, String rewriteRoute, Duration maxCoolDown) {

    public RouterProperties {
        providers = providers == null ? List.of() : providers;
        routes = routes == null ? Map.of() : routes;
        classifierMinConfidence = classifierMinConfidence == null ? 0.45 : classifierMinConfidence;
        rewriteRoute = rewriteRoute == null || rewriteRoute.isBlank() ? "general" : rewriteRoute;
    }

    public record Provider(String id, String flavor, URI baseUrl, String apiKey, List<Model> models,
                           int maxConcurrency, int requestsPerMinute, Duration connectTimeout,
                           Duration firstTokenTimeout, Duration requestTimeout, Price prices,
                           Duration queueTimeout) {
    }

    public record Model(String alias, String upstream, int contextWindow, Price prices) {
    }

    public record Price(BigDecimal input, BigDecimal output, BigDecimal cacheHit) {

        Prices toPrices() {
            return new Prices(input, output, cacheHit);
        }
    }

    RouterConfig toConfig() {
        List<ProviderConfig> configs = providers.stream().map(RouterProperties::toProvider).toList();
        Map<String, RouteConfig> routeConfigs = new LinkedHashMap<>();
        routes.forEach((name, ranks) -> routeConfigs.put(name, RouteConfig.parse(name, ranks)));
        return new RouterConfig(configs, routeConfigs, defaultDeadline, maxAttempts, backoffBase, backoffMax,
                bulkheadMaxWait, circuitFailureRate, circuitWindow, circuitOpenFor, maxCoolDown);
    }

    private static ProviderConfig toProvider(Provider p) {
        List<ModelSpec> models = p.models() == null ? List.of() : p.models().stream()
                .map(m -> new ModelSpec(m.alias(), m.upstream(), m.contextWindow(),
                        m.prices() == null ? null : m.prices().toPrices()))
                .toList();
        if (p.baseUrl() == null) {
            throw new IllegalArgumentException("finassist.router.providers[" + p.id() + "].base-url is required");
        }
        return new ProviderConfig(p.id(), Flavor.parse(p.flavor()), p.baseUrl(), p.apiKey(), models,
                p.maxConcurrency(), p.requestsPerMinute(), p.connectTimeout(), p.firstTokenTimeout(),
                p.requestTimeout(), p.prices() == null ? null : p.prices().toPrices(), p.queueTimeout());
    }
}
