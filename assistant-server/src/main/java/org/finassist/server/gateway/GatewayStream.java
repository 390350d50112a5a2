package org.finassist.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import org.finassist.core.chat.Cancellation;
import org.finassist.server.web.OpenStreams;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionListener;
import org.finassist.core.chat.RouterException;
import org.finassist.server.gateway.internal.ChatCompletionWire;
import org.finassist.server.web.SseResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes a routed stream as OpenAI SSE chunks, the way every client library expects them:
 * <ul>
 *   <li>the first delta carries {@code role: "assistant"} (the openai npm stream helper and LangChain JS need it)
 *       and a {@code finassist} object naming the provider that answers;</li>
 *   <li>headers ({@code x-finassist-route}, and {@code x-finassist-provider} once a candidate is known) are
 *       committed at the first write, so an error before it still gets a proper HTTP status;</li>
 *   <li>{@code : ping} comments go out while nothing else does (candidates being tried), so proxies and clients
 *       with short idle timeouts stay, and a client that left is noticed: the write fails and the request is
 *       cancelled, which aborts the upstream call;</li>
 *   <li>a failure after the start sends an error event ({@code event: error}, OpenAI's error object as data) and
 *       ends the body without {@code [DONE]}: the openai packages and LangChain JS throw on the data, the Vercel AI
 *       SDK emits an error part, langchain4j calls {@code onError} on the event type.</li>
 * </ul>
 * The body ends cleanly rather than with a cut connection: the JDK {@code HttpClient} behind langchain4j (and any
 * {@code BodyHandlers.ofInputStream()} reader) discards what it has received but not yet handed to the reader when
 * the connection breaks, so a cut right after the last deltas lost them (issue 19: six, four or none of six tokens
 * arrived, depending on how the bytes were split between reads).
 * Writes come from the request thread and the ping timer, hence the lock.
 */
final class GatewayStream implements CompletionListener, OpenStreams.Stream {

    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR_EVENT = "event: error\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpServletResponse response;
    private final String id;
    private final long created;
    private final String model;
    private final String route;
    private final boolean includeUsage;
    private final Cancellation cancellation;
    private ServletOutputStream out;
    private String provider;
    private String providerModel;
    private boolean firstDeltaSent;
    /** The stream's end was written (done, error) or the request returned: a shutdown has nothing left to end. */
    private boolean ended;
    private volatile long lastWriteNanos = System.nanoTime();

    GatewayStream(HttpServletResponse response, String id, long created, String model, String route,
                  boolean includeUsage, Cancellation cancellation) {
        this.response = response;
        this.id = id;
        this.created = created;
        this.model = model;
        this.route = route;
        this.includeUsage = includeUsage;
        this.cancellation = cancellation;
    }

    /** Sends a {@code : ping} comment when nothing was written for {@code idleNanos}; called by the timer. */
    synchronized void pingIfIdle(long idleNanos) {
        if (System.nanoTime() - lastWriteNanos >= idleNanos && !cancellation.isCancelled()) {
            write(PING, false);
        }
    }

    @Override
    public synchronized void onCandidate(String providerId, String modelAlias) {
        provider = providerId;
        providerModel = modelAlias;
    }

    @Override
    public void onReasoning(String delta) {
        send(delta("reasoning_content", delta, null));
    }

    @Override
    public void onContent(String delta) {
        send(delta("content", delta, null));
    }

    @Override
    public void onToolCallDelta(Map<String, Object> delta) {
        send(delta("tool_calls", List.of(delta), null));
    }

    @Override
    public void onComplete(Completion c) {
        synchronized (this) {
            provider = c.provider();
            providerModel = c.model();
        }
        send(delta(null, null, c.finishReason() == null ? "stop" : c.finishReason()));
        if (includeUsage) {
            ObjectNode usage = ChatCompletionWire.chunk(id, created, model);
            usage.putArray("choices");
            usage.set("usage", ChatCompletionWire.usage(c.usage()));
            usage.set("finassist", ChatCompletionWire.meta(c));
            send(usage);
        }
        synchronized (this) {
            write(DONE, true);
            ended = true;
        }
    }

    /**
     * The node is stopping with this answer unfinished: an error chunk in OpenAI's shape ({@code server_error},
     * code {@code server_shutdown}) and {@code [DONE]}, then the request is cancelled, which stops the upstream call
     * and drops any later write.
     */
    @Override
    public synchronized boolean endForShutdown() {
        if (ended || cancellation.isCancelled()) {
            return false;
        }
        ended = true;
        sendError(ChatCompletionWire.error("The server is shutting down; the answer is unfinished. Send the request "
                + "again.", "server_error", null, "server_shutdown"));
        write(DONE, true);
        cancellation.cancel("server_shutdown");
        return true;
    }

    /** The request thread's last word: waits for a shutdown end in progress and rules out a later one. */
    synchronized void settle() {
        ended = true;
    }

    @Override
    public synchronized void onError(RouterException error) {
        if (error.kind() == RouterException.Kind.CANCELLED) {
            return; // nobody is listening
        }
        GatewayException e = GatewayResponses.of(error);
        if (out == null) {
            try {
                GatewayResponses.error(response, e);
            } catch (IOException io) {
                cancellation.cancel("client_disconnected");
            }
            return;
        }
        sendError(ChatCompletionWire.error(e.getMessage(), e.type, null, e.code));
        ended = true;
    }

    /** A delta chunk; the first one names the role and the answering provider. */
    private synchronized ObjectNode delta(String field, Object value, String finishReason) {
        ObjectNode chunk = ChatCompletionWire.deltaChunk(id, created, model, field, value, finishReason);
        if (!firstDeltaSent) {
            firstDeltaSent = true;
            ObjectNode delta = (ObjectNode) chunk.path("choices").path(0).path("delta");
            ObjectNode withRole = ChatCompletionWire.JSON.createObjectNode().put("role", "assistant");
            withRole.setAll(delta);
            ((ObjectNode) chunk.path("choices").path(0)).set("delta", withRole);
            ObjectNode meta = chunk.putObject("finassist");
            meta.put("provider", provider);
            meta.put("model", providerModel);
            meta.put("route", route);
        }
        return chunk;
    }

    private synchronized void send(JsonNode chunk) {
        write(frame(null, chunk), true);
    }

    /** An error as an {@code error} event: clients that skip unknown data objects still see the event type. */
    private synchronized void sendError(JsonNode error) {
        write(frame(ERROR_EVENT, error), true);
    }

    private static byte[] frame(byte[] eventLine, JsonNode chunk) {
        byte[] event = eventLine == null ? new byte[0] : eventLine;
        try {
            byte[] json = ChatCompletionWire.JSON.writeValueAsBytes(chunk);
            byte[] frame = new byte[event.length + DATA.length + json.length + END.length];
            System.arraycopy(event, 0, frame, 0, event.length);
            System.arraycopy(DATA, 0, frame, event.length, DATA.length);
            System.arraycopy(json, 0, frame, event.length + DATA.length, json.length);
            System.arraycopy(END, 0, frame, event.length + DATA.length + json.length, END.length);
            return frame;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise a stream chunk", e);
        }
    }

    /**
     * Writes and flushes; a failed write means the client left, which cancels the request. The provider header is
     * set only when the first write is an answer's: a ping commits before anyone has answered, and the candidate
     * then in flight may still fail over.
     */
    private void write(byte[] bytes, boolean answering) {
        if (cancellation.isCancelled()) {
            return;
        }
        try {
            if (out == null) {
                response.setHeader("x-finassist-route", route);
                if (answering && provider != null) {
                    response.setHeader("x-finassist-provider", provider);
                }
                out = SseResponse.begin(response);
            }
            out.write(bytes);
            out.flush();
            lastWriteNanos = System.nanoTime();
        } catch (IOException e) {
            cancellation.cancel("client_disconnected");
        }
    }
}
