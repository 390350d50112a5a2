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
import java.util.function.Function;

/**
 * A scripted OpenAI-compatible upstream speaking the DeepSeek, StepFun or OpenAI dialect as documented:
 * <ul>
 *   <li>DeepSeek: {@code reasoning_content}; {@code prompt_cache_hit_tokens}/{@code prompt_cache_miss_tokens};
 *       a queued request gets {@code : keep-alive} comments (streamed) or blank lines (not streamed) first;</li>
 *   <li>StepFun: {@code reasoning}; {@code "finish_reason":""} on every chunk until the last; cumulative usage on
 *       every chunk; top-level {@code cached_tokens};</li>
 *   <li>OpenAI: {@code finish_reason} null until the last chunk; one usage chunk with empty choices, only when
 *       {@code stream_options.include_usage} asks; {@code prompt_tokens_details.cached_tokens}.</li>
 * </ul>
 * Tests and the gateway benchmark use it: it can answer slowly, fail with a status (and any Retry-After), cut a
 * stream, emit malformed SSE, or call a tool. It counts requests, the highest number in flight at once, and the
 * requests whose client went away before the answer was fully written.
 */
public final class FakeUpstream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server closes idle keep-alive connections beyond 200 and after 30 s; a gateway pooling 512
        // connections then meets closed sockets the benchmark would blame on the gateway. Set before its first use.
        setIfAbsent("sun.net.httpserver.maxIdleConnections", "100000");
        setIfAbsent("sun.net.httpserver.idleInterval", "3600");
    }

    private final String dialect;
    private final HttpServer server;
    private final Queue<Script> queue = new ConcurrentLinkedQueue<>();
    private volatile Script fallback = Script.ok("您好，这是来自上游模型的回答。");
    private volatile Function<JsonNode, Script> responder;
    private final AtomicInteger disconnects = new AtomicInteger();
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
        responder = null;
        fallback = script;
        return this;
    }

    /** Chooses the script from each request body (after the queue is empty): for clients that make several calls. */
    public FakeUpstream respondWith(Function<JsonNode, Script> chooser) {
        queue.clear();
        responder = chooser;
        return this;
    }

    /** Requests whose client closed the connection before the scripted answer was fully written. */
    public int disconnects() {
        return disconnects.get();
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
        responder = null;
        disconnects.set(0);
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
        boolean counted = true;
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = JSON.readTree(raw);
            if (keepBodies) {
                bodies.add(body);
            }
            Script script = queue.poll();
            Function<JsonNode, Script> chooser = responder;
            if (script == null) {
                script = chooser != null ? chooser.apply(body) : fallback;
            }
            sleep(script.headerDelay());
            if (script.status() != 200) {
                sendError(exchange, script);
            } else if (body.path("stream").asBoolean(false)) {
                sendStream(exchange, script, body.path("model").asText(),
                        body.path("stream_options").path("include_usage").asBoolean(false));
            } else if (script.keepAlives() > 0) {
                sendQueuedJson(exchange, script, body.path("model").asText());
            } else {
                // no longer in flight once the whole answer is being written: the client may read it, return its
                // permit and send the next request before this handler has closed the exchange
                inFlight.decrementAndGet();
                counted = false;
                sendJson(exchange, 200, completion(script, body.path("model").asText()));
            }
        } catch (IOException e) {
            // the client went away before the answer was written
            disconnects.incrementAndGet();
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }
    }

    private void sendError(HttpExchange exchange, Script script) throws IOException {
        if (script.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", script.retryAfter());
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
        if (s.toolName() != null) {
            message.putNull("content");
            ObjectNode call = message.putArray("tool_calls").addObject();
            call.put("id", "call_" + requests.get());
            call.put("type", "function");
            call.putObject("function").put("name", s.toolName()).put("arguments", s.toolArguments());
        } else {
            message.put("content", s.content());
        }
        if (s.reasoning() != null) {
            message.put(reasoningField(), s.reasoning());
        }
        choice.put("finish_reason", s.toolName() != null ? "tool_calls" : "stop");
        root.set("usage", usage(s, s.completionTokens()));
        return root;
    }

    /** DeepSeek's non-streamed queue: blank lines keep the connection alive before the JSON body. */
    private void sendQueuedJson(HttpExchange exchange, Script s, String model) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < s.keepAlives(); i++) {
            write(out, "\n");
            sleep(s.keepAliveEvery());
        }
        write(out, JSON.writeValueAsString(completion(s, model)));
    }

    private void sendStream(HttpExchange exchange, Script s, String model, boolean includeUsage)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < s.keepAlives(); i++) {
            write(out, ": keep-alive\n\n");
            sleep(s.keepAliveEvery());
        }
        int sent = 0;
        if (s.malformed()) {
            write(out, "data: {this is not json\n\n");
        }
        List<ObjectNode> deltas = new java.util.ArrayList<>();
        if (s.reasoning() != null) {
            chunks(s.reasoning(), s.chunkChars()).forEach(p -> deltas.add(delta(reasoningField(), p)));
        }
        if (s.toolName() != null) {
            deltas.addAll(toolCallDeltas(s));
        } else {
            chunks(s.content(), s.chunkChars()).forEach(p -> deltas.add(delta("content", p)));
        }
        boolean first = true;
        for (ObjectNode d : deltas) {
            if (dropNow(s, sent++)) {
                return;
            }
            if (first) {
                d.put("role", "assistant");
                first = false;
            }
            write(out, event(model, d, null, s, sent));
            sleep(s.chunkDelay());
        }
        String finish = s.toolName() != null ? "tool_calls" : "stop";
        write(out, event(model, JSON.createObjectNode(), finish, s, -1));
        if (includeUsage || !"openai".equals(dialect)) {
            ObjectNode usageChunk = base(model, "chat.completion.chunk");
            usageChunk.putArray("choices");
            usageChunk.set("usage", usage(s, s.completionTokens()));
            write(out, "data: " + usageChunk + "\n\n");
        }
        write(out, "data: [DONE]\n\n");
    }

    private List<ObjectNode> toolCallDeltas(Script s) {
        List<ObjectNode> out = new java.util.ArrayList<>();
        ObjectNode head = JSON.createObjectNode();
        ObjectNode call = head.putArray("tool_calls").addObject();
        call.put("index", 0);
        call.put("id", "call_" + requests.get());
        call.put("type", "function");
        call.putObject("function").put("name", s.toolName()).put("arguments", "");
        out.add(head);
        for (String piece : chunks(s.toolArguments(), s.chunkChars())) {
            ObjectNode d = JSON.createObjectNode();
            ObjectNode c = d.putArray("tool_calls").addObject();
            c.put("index", 0);
            c.putObject("function").put("arguments", piece);
            out.add(d);
        }
        return out;
    }

    private static boolean dropNow(Script s, int sent) {
        return s.dropAfter() >= 0 && sent >= s.dropAfter();
    }

    /** One chunk; StepFun marks "no finish yet" with "" and repeats the usage so far on every chunk. */
    private String event(String model, ObjectNode delta, String finish, Script s, int sent) {
        ObjectNode chunk = base(model, "chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        if (finish != null) {
            choice.put("finish_reason", finish);
        } else if ("stepfun".equals(dialect)) {
            choice.put("finish_reason", "");
        } else {
            choice.putNull("finish_reason");
        }
        if ("stepfun".equals(dialect)) {
            chunk.set("usage", usage(s, sent < 0 ? s.completionTokens() : Math.min(sent, s.completionTokens())));
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

    private ObjectNode usage(Script s, int completionTokens) {
        ObjectNode u = JSON.createObjectNode();
        u.put("prompt_tokens", s.promptTokens());
        u.put("completion_tokens", completionTokens);
        u.put("total_tokens", s.promptTokens() + completionTokens);
        switch (dialect) {
            case "deepseek" -> {
                u.put("prompt_cache_hit_tokens", s.cacheHitTokens());
                u.put("prompt_cache_miss_tokens", s.promptTokens() - s.cacheHitTokens());
                u.putObject("completion_tokens_details").put("reasoning_tokens", s.reasoningTokens());
            }
            case "stepfun" -> {
                u.put("cached_tokens", s.cacheHitTokens());
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

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
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
