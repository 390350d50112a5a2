package org.finassist.core.fake;

import java.time.Duration;

/**
 * How the fake upstream answers one request.
 *
 * @param status        HTTP status; non-200 sends {@code errorMessage} in OpenAI's error shape
 * @param retryAfter    Retry-After header value in seconds, or null
 * @param headerDelay   delay before the response headers
 * @param reasoning     reasoning text (sent in the dialect's field), or null
 * @param content       answer text
 * @param chunkChars    characters per streamed content chunk
 * @param chunkDelay    delay between streamed chunks
 * @param dropAfter     streamed chunks sent before the connection is cut (-1 = never)
 * @param malformed     send a malformed SSE event first
 */
public record Script(int status, String errorMessage, Integer retryAfter, Duration headerDelay, String reasoning,
                     String content, int chunkChars, Duration chunkDelay, int dropAfter, boolean malformed,
                     int promptTokens, int completionTokens, int cacheHitTokens, int reasoningTokens) {

    public static Script ok(String content) {
        return new Script(200, null, null, Duration.ZERO, null, content, 2, Duration.ZERO, -1, false, 20,
                content.length(), 0, 0);
    }

    public static Script status(int status, String message) {
        return new Script(status, message, null, Duration.ZERO, null, "", 2, Duration.ZERO, -1, false, 0, 0, 0, 0);
    }

    public Script withRetryAfter(int seconds) {
        return new Script(status, errorMessage, seconds, headerDelay, reasoning, content, chunkChars, chunkDelay,
                dropAfter, malformed, promptTokens, completionTokens, cacheHitTokens, reasoningTokens);
    }

    public Script withHeaderDelay(Duration d) {
        return new Script(status, errorMessage, retryAfter, d, reasoning, content, chunkChars, chunkDelay, dropAfter,
                malformed, promptTokens, completionTokens, cacheHitTokens, reasoningTokens);
    }

    public Script withReasoning(String r, int tokens) {
        return new Script(status, errorMessage, retryAfter, headerDelay, r, content, chunkChars, chunkDelay, dropAfter,
                malformed, promptTokens, completionTokens + tokens, cacheHitTokens, tokens);
    }

    public Script withChunkDelay(Duration d) {
        return new Script(status, errorMessage, retryAfter, headerDelay, reasoning, content, chunkChars, d, dropAfter,
                malformed, promptTokens, completionTokens, cacheHitTokens, reasoningTokens);
    }

    public Script droppingAfter(int chunks) {
        return new Script(status, errorMessage, retryAfter, headerDelay, reasoning, content, chunkChars, chunkDelay,
                chunks, malformed, promptTokens, completionTokens, cacheHitTokens, reasoningTokens);
    }

    public Script malformedFirst() {
        return new Script(status, errorMessage, retryAfter, headerDelay, reasoning, content, chunkChars, chunkDelay,
                dropAfter, true, promptTokens, completionTokens, cacheHitTokens, reasoningTokens);
    }

    public Script withUsage(int prompt, int completion, int cacheHit) {
        return new Script(status, errorMessage, retryAfter, headerDelay, reasoning, content, chunkChars, chunkDelay,
                dropAfter, malformed, prompt, completion, cacheHit, reasoningTokens);
    }

    /** Streams the content {@code chars} characters per event; a length past the content's sends it whole. */
    public Script withChunkChars(int chars) {
        return new Script(status, errorMessage, retryAfter, headerDelay, reasoning, content, chars, chunkDelay,
                dropAfter, malformed, promptTokens, completionTokens, cacheHitTokens, reasoningTokens);
    }
}
