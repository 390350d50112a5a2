package org.finassist.core.provider;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One model provider from configuration. A provider without an API key is not started; the router reports it as
 * {@code disabled: no API key}.
 *
 * @param maxConcurrency    in-flight requests allowed at once (bulkhead)
 * @param requestsPerMinute rate limit; 0 = unlimited
 * @param connectTimeout    TCP connect timeout
 * @param firstTokenTimeout time allowed until response headers / the first streamed event
 * @param requestTimeout    time allowed for a whole non-streamed answer, or between two streamed events
 * @param queueTimeout      how long a stream the provider says is queued (keep-alive comments before the first
 *                          event, as DeepSeek sends under load) may wait for its first event; the request deadline
 *                          still bounds it
 */
public record ProviderConfig(String id, Flavor flavor, URI baseUrl, String apiKey, List<ModelSpec> models,
                             int maxConcurrency, int requestsPerMinute, Duration connectTimeout,
                             Duration firstTokenTimeout, Duration requestTimeout, Prices prices,
                             Duration queueTimeout) {

    /** Without a queue timeout (the default, 60 s). */
    public ProviderConfig(String id, Flavor flavor, URI baseUrl, String apiKey, List<ModelSpec> models,
                          int maxConcurrency, int requestsPerMinute, Duration connectTimeout,
                          Duration firstTokenTimeout, Duration requestTimeout, Prices prices) {
        this(id, flavor, baseUrl, apiKey, models, maxConcurrency, requestsPerMinute, connectTimeout,
                firstTokenTimeout, requestTimeout, prices, null);
    }

    public ProviderConfig {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            throw new IllegalArgumentException("Provider id '" + id + "' must be lower-case letters, digits, - or _");
        }
        Objects.requireNonNull(flavor, "flavor of provider " + id);
        models = models == null ? List.of() : List.copyOf(models);
        maxConcurrency = maxConcurrency <= 0 ? 16 : maxConcurrency;
        requestsPerMinute = Math.max(0, requestsPerMinute);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        firstTokenTimeout = firstTokenTimeout == null ? Duration.ofSeconds(20) : firstTokenTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(60) : requestTimeout;
        prices = prices == null ? Prices.FREE : prices;
        queueTimeout = queueTimeout == null ? Duration.ofSeconds(60) : queueTimeout;
    }

    public boolean hasKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** Models by alias, in configuration order. */
    public Map<String, ModelSpec> modelsByAlias() {
        Map<String, ModelSpec> byAlias = new LinkedHashMap<>();
        models.forEach(m -> byAlias.put(m.alias(), m));
        return byAlias;
    }

    public Prices pricesOf(ModelSpec model) {
        return model.prices() != null ? model.prices() : prices;
    }

    @Override
    public String toString() {
        // never print the key
        return "ProviderConfig[id=" + id + ", flavor=" + flavor + ", baseUrl=" + baseUrl + ", key="
                + (hasKey() ? "set" : "missing") + ", models=" + models.stream().map(ModelSpec::alias).toList() + "]";
    }
}
