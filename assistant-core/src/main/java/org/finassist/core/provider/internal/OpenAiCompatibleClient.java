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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An OpenAI-compatible chat client for the DeepSeek, StepFun and OpenAI flavors, on the JDK HTTP client.
 *
 * <p>Replaces langchain4j's OpenAI client at this seam because that client drops StepFun's {@code reasoning},
 * DeepSeek's cache-hit counts and Retry-After, and maps 402 to a non-retriable error; the router needs all four.
 */
public final class OpenAiCompatibleClient implements ProviderClient {

    private final ProviderConfig config;
    private final HttpClient http;
    private final URI endpoint;

    public OpenAiCompatibleClient(ProviderConfig config) {
        this.config = config;
        String base = config.baseUrl().toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base + "/chat/completions");
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .version("https".equals(endpoint.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
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

    @Override
    public Completion complete(CompletionRequest request, ModelSpec model, Instant deadline, Cancellation cancel) {
        HttpRequest httpRequest = httpRequest(request, model, false, deadline);
        HttpResponse<byte[]> response = await(http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray()),
                remainingNanos(deadline, config.requestTimeout()), "a complete answer", cancel);
        if (response.statusCode() != 200) {
            String bodyText = new String(response.body(), StandardCharsets.UTF_8);
            throw httpFailure(response.statusCode(), bodyText, RetryAfter.of(response.headers()));
        }
        return CompletionParser.parse(WireCodec.parse(response.body(), "response"), config.flavor(), model);
    }

    @Override
    public Completion stream(CompletionRequest request, ModelSpec model, Instant deadline, StreamSink sink,
                             Cancellation cancel) {
        HttpRequest httpRequest = httpRequest(request, model, true, deadline);
        HttpResponse<InputStream> response = await(
                http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofInputStream()),
                remainingNanos(deadline, config.firstTokenTimeout()), "response headers", cancel);
        if (response.statusCode() != 200) {
            String body = readAll(response.body());
            throw httpFailure(response.statusCode(), body, RetryAfter.of(response.headers()));
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

    /**
     * Waits for a response within {@code budget}; the JDK client's own timeout stops at the headers. Cancelling
     * aborts the exchange (JDK 16+: cancel(true) on sendAsync's future closes the connection).
     */
    private static <T> T await(CompletableFuture<T> future, long budget, String what, Cancellation cancel) {
        try (Cancellation.Registration ignored = cancel.onCancel(() -> future.cancel(true))) {
            return future.get(budget, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ProviderException(FailureKind.TIMEOUT, 0, "No " + what + " within "
                    + Duration.ofNanos(budget).toMillis() + " ms", null, e);
        } catch (CancellationException e) {
            throw new ProviderException(FailureKind.CANCELLED, 0, "Cancelled: " + cancel.reason(), null, e);
        } catch (ExecutionException e) {
            throw classifyIo(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new ProviderException(FailureKind.CANCELLED, "Interrupted");
        }
    }

    private HttpRequest httpRequest(CompletionRequest request, ModelSpec model, boolean stream, Instant deadline) {
        byte[] body = WireCodec.requestBody(model.upstreamName(), request.messages(), request.parameters(), stream);
        return HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofNanos(remainingNanos(deadline, config.firstTokenTimeout())))
                .header("Authorization", "Bearer " + config.apiKey())
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    static ProviderException httpFailure(int status, String body, Duration retryAfter) {
        FailureKind kind = FailureKind.ofStatus(status, body);
        return new ProviderException(kind, status, "HTTP " + status + ": " + WireCodec.errorMessage(body), retryAfter, null);
    }

    private static ProviderException classifyIo(Throwable cause) {
        if (cause instanceof ProviderException pe) {
            return pe;
        }
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return new ProviderException(FailureKind.CONNECT, 0, "Cannot connect: " + cause.getMessage(), null, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new ProviderException(FailureKind.TIMEOUT, 0, "Timed out: " + cause.getMessage(), null, cause);
        }
        return new ProviderException(FailureKind.CONNECT, 0, "I/O error: " + cause, null, cause);
    }

    private static long remainingNanos(Instant deadline, Duration cap) {
        long left = Duration.between(Instant.now(), deadline).toNanos();
        return Math.max(1_000_000, Math.min(left, cap.toNanos()));
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
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
