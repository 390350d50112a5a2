package org.finassist.core.provider;

import java.util.Objects;

/**
 * A model a provider serves under an alias: the upstream model name, its context window in tokens (used to pick
 * a larger-context candidate when a request is too long) and its prices (null = the provider's).
 */
public record ModelSpec(String alias, String upstreamName, int contextWindow, Prices prices) {

    public ModelSpec {
        Objects.requireNonNull(alias, "alias");
        upstreamName = upstreamName == null || upstreamName.isBlank() ? alias : upstreamName;
        contextWindow = contextWindow <= 0 ? 64_000 : contextWindow;
    }
}
