package org.finassist.core.fake;

import java.time.Duration;

/**
 * How the fake upstream answers one request.
 *
 * @param status        HTTP status; non-200 sends {@code errorMessage} in OpenAI's error shape
 * @param retryAfter    Retry-After header value as sent (delta-seconds, a date, or garbage), or null
 * @param headerDelay   delay before the response headers
 * @param reasoning     reasoning text (sent in the dialect's field), or null
 * @param content       answer text
 * @param chunkChars    characters per streamed content chunk
 * @param chunkDelay    delay between streamed chunks
 * @param dropAfter     streamed chunks sent before the stream ends without a finish reason or {@code [DONE]}
 *                      (-1 = never); the connection closes cleanly, as a proxy cutting an upstream would
 * @param malformed     send a malformed SSE event first
 * @param keepAlives    {@code : keep-alive} comments sent before the first event (DeepSeek's queued request)
 * @param keepAliveEvery the spacing of those comments
 * @param toolName      when set, the answer is a call of this tool with {@code toolArguments} (JSON text)
 */
public record Script(int status, String errorMessage, String retryAfter, Duration headerDelay, String reasoning,
                     String content, int chunkChars, Duration chunkDelay, int dropAfter, boolean malformed,
                     int promptTokens, int completionTokens, int cacheHitTokens, int reasoningTokens,
                     int keepAlives, Duration keepAliveEvery, String toolName, String toolArguments) {

    public static Script ok(String content) {
        return new Script(200, null, null, Duration.ZERO, null, content, 2, Duration.ZERO, -1, false, 20,
                content.length(), 0, 0, 0, Duration.ZERO, null, null);
    }

    public static Script status(int status, String message) {
        return new Script(status, message, null, Duration.ZERO, null, "", 2, Duration.ZERO, -1, false, 0, 0, 0, 0,
                0, Duration.ZERO, null, null);
    }

    /** A call of {@code name} with {@code argumentsJson}; finish reason {@code tool_calls}. */
    public static Script toolCall(String name, String argumentsJson) {
        return new Script(200, null, null, Duration.ZERO, null, "", 6, Duration.ZERO, -1, false, 30,
                argumentsJson.length(), 0, 0, 0, Duration.ZERO, name, argumentsJson);
    }

    public Script withRetryAfter(int seconds) {
        return withRetryAfter(String.valueOf(seconds));
    }

    public Script withRetryAfter(String value) {
        return new Script(status, errorMessage, value, headerDelay, reasoning, content, chunkChars, chunkDelay,
                dropAfter, malformed, promptTokens, completionTokens, cacheHitTokens, reasoningTokens, keepAlives,
                keepAliveEvery, toolName, toolArguments);
    }

    public Script withHeaderDelay(Duration d) {
        return new Script(status, errorMessage, retryAfter, d, reasoning, content, chunkChars, chunkDelay, dropAfter,
                malformed, promptTokens, completionTokens, cacheHitTokens, reasoningTokens, keepAlives,
                keepAliveEvery, toolName, toolArguments);
    }

    public Script withReasoning(String r, int tokens) {
        return new Script(status, errorMessage, retryAfter, headerDelay, r, content, chunkChars, chunkDelay, dropAfter,
                malformed, promptTokens, completionTokens + tokens, cacheHitTokens, tokens, keepAlives,
                keepAliveEvery, toolName, toolArguments);
    }

    public Script withChunkDelay(Duration d) {
        return new Script(status, errorMessage, retryAfter, headerDelay, reasoning, content, chunkChars, d, dropAfter,
                malformed, promptTokens, completionTokens, cacheHitTokens, reasoningTokens, keepAlives,
                keepAliveEvery, toolName, toolArguments);
    }

    public Script droppingAfter(int chunks) {
        return new Script(status, errorMessage, retryAfter, headerDelay, reasoning, content, chunkChars, chunkDelay,
                chunks, malformed, promptTokens, completionTokens, cacheHitTokens, reasoningTokens, keepAlives,
                keepAliveEvery, toolName, toolArguments);
    }

    public Script malformedFirst() {
        return new Script(status, errorMessage, retryAfter, headerDelay, reasoning, content, chunkChars, chunkDelay,
                dropAfter, true, promptTokens, completionTokens, cacheHitTokens, reasoningTokens, keepAlives,
                keepAliveEvery, toolName, toolArguments);
    }

    public Script withUsage(int prompt, int completion, int cacheHit) {
        return new Script(status, errorMessage, retryAfter, headerDelay, reasoning, content, chunkChars, chunkDelay,
                dropAfter, malformed, prompt, completion, cacheHit, reasoningTokens, keepAlives, keepAliveEvery,
                toolName, toolArguments);
    }

    /** Queued first: {@code count} keep-alive comments {@code every} apart before the first event. */
    public Script queuedFor(int count, Duration every) {
        return new Script(status, errorMessage, retryAfter, headerDelay, reasoning, content, chunkChars, chunkDelay,
                dropAfter, malformed, promptTokens, completionTokens, cacheHitTokens, reasoningTokens, count, every,
                toolName, toolArguments);
    }

    /** Streams the content {@code chars} characters per event; a length past the content's sends it whole. */
    public Script withChunkChars(int chars) {
        return new Script(status, errorMessage, retryAfter, headerDelay, reasoning, content, chars, chunkDelay,
                dropAfter, malformed, promptTokens, completionTokens, cacheHitTokens, reasoningTokens, keepAlives,
                keepAliveEvery, toolName, toolArguments);
    }
}
