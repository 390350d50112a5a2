package org.finassist.core.provider;

import java.util.Locale;

/** The dialect of an OpenAI-compatible endpoint: where it puts reasoning and cache-hit counts. */
public enum Flavor {
    /** {@code reasoning_content}; {@code prompt_cache_hit_tokens}; 402 = insufficient balance. */
    DEEPSEEK,
    /** {@code reasoning} in messages and deltas. */
    STEPFUN,
    /** {@code prompt_tokens_details.cached_tokens}, {@code completion_tokens_details.reasoning_tokens}. */
    OPENAI,
    /** The in-process local grounded model. */
    LOCAL;

    public static Flavor parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown provider flavor '" + value + "' (deepseek, stepfun, openai)");
        }
    }
}
