package org.finassist.core.chat;

/**
 * Token usage of one answer. {@code reasoningTokens} are part of {@code completionTokens};
 * {@code cacheHitTokens} are part of {@code promptTokens} (DeepSeek's context cache, OpenAI's cached tokens).
 */
public record Usage(int promptTokens, int completionTokens, int reasoningTokens, int cacheHitTokens) {

    public static final Usage ZERO = new Usage(0, 0, 0, 0);

    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
