package org.finassist.core.provider;

import org.finassist.core.provider.internal.OpenAiCompatibleClient;

/** Creates the client for a configured provider; the wire implementation stays in {@code internal}. */
public final class ProviderClients {

    private ProviderClients() {
    }

    /** A client for an OpenAI-compatible endpoint of the configured flavor (DeepSeek, StepFun, OpenAI). */
    public static ProviderClient create(ProviderConfig config) {
        return new OpenAiCompatibleClient(config);
    }
}
