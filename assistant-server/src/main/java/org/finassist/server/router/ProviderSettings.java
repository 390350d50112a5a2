package org.finassist.server.router;

import org.finassist.core.provider.Flavor;
import org.finassist.core.provider.ModelSpec;
import org.finassist.core.provider.ProviderConfig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the {@code finassist.router.providers} map into provider configurations, failing start-up with a message
 * that names the provider and the field when one is missing or wrong.
 */
final class ProviderSettings {

    private ProviderSettings() {
    }

    static List<ProviderConfig> toConfigs(Map<String, RouterProperties.Provider> providers) {
        List<ProviderConfig> configs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        providers.forEach((key, p) -> {
            String id = p.id() == null || p.id().isBlank() ? key : p.id().trim();
            if (!ids.add(id)) {
                throw invalid(key, "id", "provider id '" + id + "' is defined twice");
            }
            configs.add(toProvider(key, id, p));
        });
        return configs;
    }

    private static ProviderConfig toProvider(String key, String id, RouterProperties.Provider p) {
        if (p.flavor() == null || p.flavor().isBlank()) {
            throw invalid(key, "flavor", "is required (deepseek, stepfun or openai)");
        }
        Flavor flavor;
        try {
            flavor = Flavor.parse(p.flavor());
        } catch (IllegalArgumentException e) {
            throw invalid(key, "flavor", "'" + p.flavor() + "' is not one of deepseek, stepfun, openai");
        }
        if (flavor == Flavor.LOCAL) {
            throw invalid(key, "flavor", "'local' is built in and cannot be configured");
        }
        if (p.baseUrl() == null) {
            throw invalid(key, "base-url", "is required");
        }
        String scheme = p.baseUrl().getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || p.baseUrl().getHost() == null) {
            throw invalid(key, "base-url", "'" + p.baseUrl() + "' is not an absolute http(s) URL");
        }
        if (p.maxConcurrency() < 0 || p.requestsPerMinute() < 0) {
            throw invalid(key, p.maxConcurrency() < 0 ? "max-concurrency" : "requests-per-minute", "must not be negative");
        }
        return new ProviderConfig(id, flavor, p.baseUrl(), p.apiKey(), models(key, p), p.maxConcurrency(),
                p.requestsPerMinute(), p.connectTimeout(), p.firstTokenTimeout(), p.requestTimeout(),
                p.prices() == null ? null : p.prices().toPrices(), p.queueTimeout());
    }

    private static List<ModelSpec> models(String key, RouterProperties.Provider p) {
        if (p.models() == null || p.models().isEmpty()) {
            throw invalid(key, "models", "needs at least one model (models.<alias>.upstream)");
        }
        List<ModelSpec> models = new ArrayList<>();
        p.models().forEach((aliasKey, m) -> {
            String alias = m.alias() == null || m.alias().isBlank() ? aliasKey : m.alias().trim();
            if (m.contextWindow() < 0) {
                throw invalid(key, "models." + aliasKey + ".context-window", "must not be negative");
            }
            models.add(new ModelSpec(alias, m.upstream(), m.contextWindow(),
                    m.prices() == null ? null : m.prices().toPrices()));
        });
        return models;
    }

    private static IllegalArgumentException invalid(String key, String field, String problem) {
        return new IllegalArgumentException("finassist.router.providers." + key + "." + field + ": " + problem);
    }
}
