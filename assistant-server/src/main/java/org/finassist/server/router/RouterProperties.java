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

/**
 * {@code finassist.router.*}: providers, routes and failover settings (see application.yml and README).
 *
 * <p>Providers are keyed by id and their models by alias, not listed: Spring replaces a list wholesale when one
 * property source sets one element, but merges map entries, so {@code --finassist.router.providers.deepseek.base-url=…}
 * changes one field of one provider and keeps the rest of application.yml.
 */
@ConfigurationProperties("finassist.router")
public record RouterProperties(Map<String, Provider> providers, Map<String, List<String>> routes, Duration defaultDeadline,
                               int maxAttempts, Duration backoffBase, Duration backoffMax, Duration bulkheadMaxWait,
                               float circuitFailureRate, int circuitWindow, Duration circuitOpenFor,
                               Double classifierMinConfidence, String rewriteRoute, Duration maxCoolDown) {

    public RouterProperties {
        providers = providers == null ? Map.of() : providers;
        routes = routes == null ? Map.of() : routes;
        classifierMinConfidence = classifierMinConfidence == null ? 0.45 : classifierMinConfidence;
        rewriteRoute = rewriteRoute == null || rewriteRoute.isBlank() ? "general" : rewriteRoute;
    }

    /**
     * One provider account; {@code id} defaults to its key under {@code providers}. {@code maxConcurrency} and
     * {@code requestsPerMinute} are per node; {@code account} holds the limits of the whole account, shared by
     * every node.
     */
    public record Provider(String id, String flavor, URI baseUrl, String apiKey, Map<String, Model> models,
                           int maxConcurrency, int requestsPerMinute, Duration connectTimeout,
                           Duration firstTokenTimeout, Duration requestTimeout, Price prices,
                           Duration queueTimeout, Account account) {
    }

    /**
     * {@code finassist.router.providers.<id>.account.*}: what the provider account allows all nodes together
     * (0 = no limit). Batch jobs' calls (the commentary batch) may use at most
     * {@code batchShare} of each limit and never the {@code chatReserve} share kept for customer chat.
     */
    public record Account(int maxConcurrency, int requestsPerMinute, long tokensPerMinute, Double batchShare,
                          Double chatReserve) {

        public Account {
            batchShare = batchShare == null ? 1.0 : batchShare;
            chatReserve = chatReserve == null ? 0.05 : chatReserve;
            if (maxConcurrency < 0 || requestsPerMinute < 0 || tokensPerMinute < 0
                    || !(batchShare > 0 && batchShare <= 1) || !(chatReserve >= 0 && chatReserve < 1)) {
                throw new IllegalArgumentException("finassist.router.providers.<id>.account: limits >= 0,"
                        + " batch-share in (0, 1], chat-reserve in [0, 1)");
            }
        }

        public boolean limitsAnything() {
            return maxConcurrency > 0 || requestsPerMinute > 0 || tokensPerMinute > 0;
        }

        /** The batch's part of an account limit: its share, less the chat reserve (at least 1 when the limit is set). */
        public long batchPart(long limit) {
            if (limit <= 0) {
                return 0;
            }
            long reserve = (long) Math.ceil(limit * chatReserve);
            return Math.max(1, Math.min((long) Math.floor(limit * batchShare), limit - reserve));
        }
    }

    /** One model of a provider; {@code alias} defaults to its key under {@code models}. */
    public record Model(String alias, String upstream, int contextWindow, Price prices) {
    }

    public record Price(BigDecimal input, BigDecimal output, BigDecimal cacheHit) {

        Prices toPrices() {
            return new Prices(input, output, cacheHit);
        }
    }

    RouterConfig toConfig() {
        List<ProviderConfig> configs = ProviderSettings.toConfigs(providers);
        Map<String, RouteConfig> routeConfigs = new LinkedHashMap<>();
        routes.forEach((name, ranks) -> routeConfigs.put(name, RouteConfig.parse(name, ranks)));
        return new RouterConfig(configs, routeConfigs, defaultDeadline, maxAttempts, backoffBase, backoffMax,
                bulkheadMaxWait, circuitFailureRate, circuitWindow, circuitOpenFor, maxCoolDown);
    }
}
