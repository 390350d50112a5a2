package org.finassist.core.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted OpenAI-compatible upstream speaking the DeepSeek, StepFun or OpenAI dialect. Tests and the gateway
 * benchmark use it: it can answer slowly, fail with a status (and Retry-After), cut a stream, or emit malformed SSE.
 * It counts requests and the highest number in flight at once.
 */
public final class FakeUpstream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String dialect;
    private final HttpServer server;
    private final Queue<Script> queue = new ConcurrentLinkedQueue<>();
    private volatile Script fallback = Script.ok("您好，这是来自上游模型的回答。");
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private volatile boolean keepBodies = true;

    private FakeUpstream(String dialect, int port) throws IOException {
        this.dialect = dialect;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    /** Starts a fake on a free loopback port; dialect is {@code deepseek}, {@code stepfun} or {@code openai}. */
    public static FakeUpstream start(String dialect) {
        try {
            return new FakeUpstream(dialect, 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    public FakeUpstream enqueue(Script... scripts) {
        queue.addAll(List.of(scripts));
        return this;
    }

    public FakeUpstream always(Script script) {
        queue.clear();
        fallback = script;
        return this;
    }

    public FakeUpstream keepBodies(boolean keep) {
        keepBodies = keep;
        return this;
    }

    public int requests() {
        return requests.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    public List<JsonNode> bodies() {
        return List.copyOf(bodies);
    }

    public void reset() {
        queue.clear();
        bodies.clear();
        requests.set(0);
        maxInFlight.set(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        requests.incrementAndGet();
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = JSON.readTree(raw);
            if (keepBodies) {
                bodies.add(body);
            }
            Script script = queue.poll();
            if (script == null) {
                script = fallback;
            }
            sleep(script.headerDelay());
            if (script.status() != 200) {
                sendError(exchange, script);
            } else if (body.path("stream").asBoolean(false)) {
                sendStream(exchange, script, body.path("model").asText());
            } else {
                sendJson(exchange, 200, completion(script, body.path("model").asText()));
            }
        } catch (IOException e) {
            // the client went away: nothing to do
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void sendError(HttpExchange exchange, Script script) throws IOException {
        if (script.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(script.retryAfter()));
        }
        ObjectNode err = JSON.createObjectNode();
        ObjectNode e = err.putObject("error");
        e.put("message", script.errorMessage() == null ? "scripted failure" : script.errorMessage());
        e.put("type", script.status() >= 500 ? "server_error" : "invalid_request_error");
        e.put("code", script.status());
        sendJson(exchange, script.status(), err);
    }

    private ObjectNode completion(Script s, String model) {
        ObjectNode root = base(model, "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", s.content());
        if (s.reasoning() != null) {
            message.put(reasoningField(), s.reasoning());
        }
        choice.put("finish_reason", "stop");
        root.set("usage", usage(s));
        return root;
    }

    private void sendStream(HttpExchange exchange, Script s, String model) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        int sent = 0;
        if (s.malformed()) {
            write(out, "data: {this is not json\n\n");
        }
        if (s.reasoning() != null) {
            for (String piece : chunks(s.reasoning(), s.chunkChars())) {
                if (dropNow(s, sent++)) {
                    return;
                }
                write(out, event(model, delta(reasoningField(), piece), null));
                sleep(s.chunkDelay());
            }
        }
        for (String piece : chunks(s.content(), s.chunkChars())) {
            if (dropNow(s, sent++)) {
                return;
            }
            write(out, event(model, delta("content", piece), null));
            sleep(s.chunkDelay());
        }
        write(out, event(model, JSON.createObjectNode(), "stop"));
        ObjectNode usageChunk = base(model, "chat.completion.chunk");
        usageChunk.putArray("choices");
        usageChunk.set("usage", usage(s));
        write(out, "data: " + usageChunk + "\n\n");
        write(out, "data: [DONE]\n\n");
    }

    private static boolean dropNow(Script s, int sent) {
        return s.dropAfter() >= 0 && sent >= s.dropAfter();
    }

    private String event(String model, ObjectNode delta, String finish) {
        ObjectNode chunk = base(model, "chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        if (finish != null) {
            choice.put("finish_reason", finish);
        } else {
            choice.putNull("finish_reason");
        }
        return "data: " + chunk + "\n\n";
    }

    private static ObjectNode delta(String field, String text) {
        ObjectNode d = JSON.createObjectNode();
        d.put(field, text);
        return d;
    }

    private ObjectNode base(String model, String object) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "fake-" + requests.get());
        root.put("object", object);
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("model", model);
        return root;
    }

    private ObjectNode usage(Script s) {
        ObjectNode u = JSON.createObjectNode();
        u.put("prompt_tokens", s.promptTokens());
        u.put("completion_tokens", s.completionTokens());
        u.put("total_tokens", s.promptTokens() + s.completionTokens());
        switch (dialect) {
            case "deepseek" -> {
                u.put("prompt_cache_hit_tokens", s.cacheHitTokens());
                u.put("prompt_cache_miss_tokens", s.promptTokens() - s.cacheHitTokens());
                u.putObject("completion_tokens_details").put("reasoning_tokens", s.reasoningTokens());
            }
            default -> {
                u.putObject("prompt_tokens_details").put("cached_tokens", s.cacheHitTokens());
                u.putObject("completion_tokens_details").put("reasoning_tokens", s.reasoningTokens());
            }
        }
        return u;
    }

    private String reasoningField() {
        return "stepfun".equals(dialect) ? "reasoning" : "reasoning_content";
    }

    private static List<String> chunks(String text, int size) {
        List<String> out = new java.util.ArrayList<>();
        int step = Math.max(1, size);
        for (int i = 0; i < text.length(); i += step) {
            out.add(text.substring(i, Math.min(text.length(), i + step)));
        }
        return out;
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode node) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(node);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void sleep(Duration d) {
        if (d == null || d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
