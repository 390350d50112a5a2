package org.finassist.rag.rerank;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A scripted rerank endpoint on a loopback port: records every request (body and Authorization header) and answers
 * with whatever the test scripted, after an optional delay.
 */
public final class FakeRerankServer implements AutoCloseable {

    /** One scripted answer. */
    public record Reply(int status, String body, long delayMillis) {
        public static Reply ok(String body) {
            return new Reply(200, body, 0);
        }
    }

    public record Recorded(String body, String authorization) {
    }

    private final HttpServer server;
    public final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<Function<String, Reply>> script = new AtomicReference<>(b -> Reply.ok("{}"));

    public FakeRerankServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers each request body with {@code replies.apply(body)}. */
    public void script(Function<String, Reply> replies) {
        script.set(replies);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Recorded(body, ex.getRequestHeaders().getFirst("Authorization")));
        Reply reply = script.get().apply(body);
        try {
            if (reply.delayMillis() > 0) Thread.sleep(reply.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(reply.status(), out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
