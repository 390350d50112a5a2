package org.finassist.core.provider.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.finassist.core.chat.Cancellation;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Usage;
import org.finassist.core.provider.FailureKind;
import org.finassist.core.provider.ModelSpec;
import org.finassist.core.provider.ProviderClient;
import org.finassist.core.provider.ProviderConfig;
import org.finassist.core.provider.ProviderException;
import org.finassist.core.provider.StreamSink;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An OpenAI-compatible chat client for the DeepSeek, StepFun and OpenAI flavors, on {@link Http1Client}.
 *
 * <p>Replaces langchain4j's OpenAI client at this seam because that client drops StepFun's {@code reasoning},
 * DeepSeek's cache-hit counts and Retry-After, and maps 402 to a non-retriable error; the router needs all four.
 */
public final class OpenAiCompatibleClient implements ProviderClient {

    /** Largest non-streamed answer read; a longer one fails as malformed rather than exhausting the heap. */
    private static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;
    private static final int MAX_ERROR_BYTES = 64 * 1024;

    private final ProviderConfig config;
    private final Http1Client http;
    private final Map<String, String> completeHeaders;
    private final Map<String, String> streamHeaders;

    public OpenAiCompatibleClient(ProviderConfig config) {
        this.config = config;
        String base = config.baseUrl().toString().replaceAll("/+$", "");
        this.http = new Http1Client(URI.create(base + "/chat/completions"), config.connectTimeout());
        this.completeHeaders = headers("application/json");
        this.streamHeaders = headers("text/event-stream");
    }

    private Map<String, String> headers(String accept) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "Bearer " + config.apiKey());
        h.put("Content-Type", "application/json");
        h.put("Accept", accept);
        return h;
    }

    @Override
    public ProviderConfig config() {
        return config;
    }

    @Override
    public Completion complete(CompletionRequest request, ModelSpec model, Instant deadline) {
        return complete(request, model, deadline, Cancellation.NONE);
    }

    @Override
    public Completion stream(CompletionRequest request, ModelSpec model, Instant deadline, StreamSink sink) {
        return stream(request, model, deadline, sink, Cancellation.NONE);
    }

    /**
     * The response headers within the first-token timeout (a queued DeepSeek answer sends them at once, then blank
     * lines), the whole answer within the request timeout, both capped by the deadline.
     */
    @Override
    public Completion complete(CompletionRequest request, ModelSpec model, Instant deadline, Cancellation cancel) {
        byte[] body = WireCodec.requestBody(model.upstreamName(), request.messages(), request.parameters(), false);
        long start = System.nanoTime();
        long budget = remainingNanos(deadline, config.requestTimeout());
        Http1Client.Exchange exchange = new Http1Client.Exchange();
        int status;
        byte[] bytes;
        Duration retryAfter;
        String phase = "response headers";
        try (Cancellation.Registration ignored = cancel.onCancel(exchange::abort)) {
            Http1Client.Response response = http.post(completeHeaders, body,
                    Math.min(budget, remainingNanos(deadline, config.firstTokenTimeout())), exchange);
            phase = "a complete answer";
            status = response.status();
            retryAfter = RetryAfter.ofValue(response.header("retry-after"));
            bytes = response.body().readAll(status == 200 ? MAX_ANSWER_BYTES : MAX_ERROR_BYTES,
                    Math.max(1_000_000, budget - (System.nanoTime() - start)));
        } catch (IOException e) {
            throw ioFailure(e, cancel, "No " + phase + " within " + Duration.ofNanos(budget).toMillis() + " ms");
        }
        if (status != 200) {
            throw httpFailure(status, new String(bytes, StandardCharsets.UTF_8), retryAfter);
        }
        return CompletionParser.parse(WireCodec.parse(bytes, "response"), config.flavor(), model);
    }

    @Override
    public Completion stream(CompletionRequest request, ModelSpec model, Instant deadline, StreamSink sink,
                             Cancellation cancel) {
        byte[] requestBody = WireCodec.requestBody(model.upstreamName(), request.messages(), request.parameters(),
                true);
        long budget = remainingNanos(deadline, config.firstTokenTimeout());
        Http1Client.Exchange exchange = new Http1Client.Exchange();
        Http1Client.Response response;
        try (Cancellation.Registration ignored = cancel.onCancel(exchange::abort)) {
            response = http.post(streamHeaders, requestBody, budget, exchange);
            if (response.status() != 200) {
                byte[] error = response.body().readAll(MAX_ERROR_BYTES, budget);
                throw httpFailure(response.status(), new String(error, StandardCharsets.UTF_8),
                        RetryAfter.ofValue(response.header("retry-after")));
            }
        } catch (IOException e) {
            throw ioFailure(e, cancel, "No response headers within " + Duration.ofNanos(budget).toMillis() + " ms");
        }
        InputStream body = response.body();
        StreamAccumulator acc = new StreamAccumulator(config.flavor(), model, sink, request);
        long queueEnd = System.nanoTime() + config.queueTimeout().toNanos();
        boolean[] queued = {false};
        try (Watchdog watchdog = new Watchdog(() -> closeQuietly(body));
             Cancellation.Registration ignored = cancel.onCancel(() -> closeQuietly(body))) {
            SseReader reader = new SseReader(body, () -> {
                if (!acc.started()) {
                    // a queued request: wait up to the queue timeout instead of the first-token timeout
                    queued[0] = true;
                    watchdog.arm(Math.min(queueEnd - System.nanoTime(), remainingNanos(deadline, config.queueTimeout())));
                }
            });
            watchdog.arm(remainingNanos(deadline, config.firstTokenTimeout()));
            try {
                String data;
                while ((data = reader.next()) != null) {
                    if (acc.accept(data)) {
                        return acc.finish(true);
                    }
                    watchdog.arm(remainingNanos(deadline, config.requestTimeout()));
                }
                return acc.finish(false);
            } catch (IOException e) {
                throw acc.billed(streamFailure(e, cancel, watchdog.expired(), queued[0] && !acc.started()));
            } catch (ProviderException e) {
                throw acc.billed(e);
            }
        } finally {
            closeQuietly(body);
        }
    }

    private static ProviderException streamFailure(IOException e, Cancellation cancel, boolean expired,
                                                   boolean stillQueued) {
        if (cancel.isCancelled()) {
            return new ProviderException(FailureKind.CANCELLED, 0, "Cancelled: " + cancel.reason(), null, e);
        }
        if (expired && stillQueued) {
            return new ProviderException(FailureKind.QUEUE_TIMEOUT, 0, "Still queued (keep-alive only) at the queue"
                    + " timeout", null, e);
        }
        if (expired) {
            return new ProviderException(FailureKind.TIMEOUT, 0, "Stream went silent", null, e);
        }
        return new ProviderException(FailureKind.STREAM_BROKEN, 0, "Stream broken: " + e.getMessage(), null, e);
    }

    static ProviderException httpFailure(int status, String body, Duration retryAfter) {
        FailureKind kind = FailureKind.ofStatus(status, body);
        return new ProviderException(kind, status, "HTTP " + status + ": " + WireCodec.errorMessage(body), retryAfter, null);
    }

    /** A failed exchange: the caller left, a timeout, no connection, or the connection broke. */
    private static ProviderException ioFailure(IOException e, Cancellation cancel, String timeoutMessage) {
        if (cancel.isCancelled()) {
            return new ProviderException(FailureKind.CANCELLED, 0, "Cancelled: " + cancel.reason(), null, e);
        }
        if (e instanceof ConnectException) {
            return new ProviderException(FailureKind.CONNECT, 0, "Cannot connect: " + e.getMessage(), null, e);
        }
        if (e instanceof SocketTimeoutException) {
            return new ProviderException(FailureKind.TIMEOUT, 0, timeoutMessage, null, e);
        }
        return new ProviderException(FailureKind.CONNECT, 0, "I/O error: " + e, null, e);
    }

    private static long remainingNanos(Instant deadline, Duration cap) {
        long left = Duration.between(Instant.now(), deadline).toNanos();
        return Math.max(1_000_000, Math.min(left, cap.toNanos()));
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing a broken stream
        }
    }

    /** Parses a non-streamed chat completion. */
    static final class CompletionParser {
        private CompletionParser() {
        }

        static Completion parse(JsonNode root, org.finassist.core.provider.Flavor flavor, ModelSpec model) {
            if (root.has("error")) {
                throw new ProviderException(FailureKind.SERVER_ERROR, "Upstream error: "
                        + root.path("error").path("message").asText("unknown"));
            }
            JsonNode choice = root.path("choices").path(0);
            if (choice.isMissingNode()) {
                throw new ProviderException(FailureKind.MALFORMED_RESPONSE, "Response has no choices");
            }
            JsonNode message = choice.path("message");
            java.util.List<java.util.Map<String, Object>> toolCalls = new java.util.ArrayList<>();
            message.path("tool_calls").forEach(tc -> toolCalls.add(WireCodec.toMap(tc)));
            Usage usage = WireCodec.usage(root.get("usage"));
            return new Completion(WireCodec.text(root, "id"), WireCodec.text(message, "content"),
                    WireCodec.reasoning(message, flavor), toolCalls, WireCodec.finishReason(choice),
                    usage, null, null, model.alias(), null);
        }
    }
}
