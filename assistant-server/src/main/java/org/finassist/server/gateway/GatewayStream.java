package org.finassist.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionListener;
import org.finassist.core.chat.RouterException;
import org.finassist.server.gateway.internal.ChatCompletionWire;

import org.finassist.server.web.SseResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a routed stream as OpenAI SSE chunks. Headers are committed at the first delta, so an error before it
 * (a bad request, an unknown model) still gets a proper HTTP status; an error after it becomes an error event.
 */
final class GatewayStream implements CompletionListener {

    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

    private final HttpServletResponse response;
    private final String id;
    private final long created;
    private final String model;
    private final boolean includeUsage;
    private ServletOutputStream out;

    GatewayStream(HttpServletResponse response, String id, long created, String model, boolean includeUsage) {
        this.response = response;
        this.id = id;
        this.created = created;
        this.model = model;
        this.includeUsage = includeUsage;
    }

    @Override
    public void onReasoning(String delta) {
        send(ChatCompletionWire.deltaChunk(id, created, model, "reasoning_content", delta, null));
    }

    @Override
    public void onContent(String delta) {
        send(ChatCompletionWire.deltaChunk(id, created, model, "content", delta, null));
    }

    @Override
    public void onToolCallDelta(Map<String, Object> delta) {
        send(ChatCompletionWire.deltaChunk(id, created, model, "tool_calls", java.util.List.of(delta), null));
    }

    @Override
    public void onComplete(Completion c) {
        if (out == null) {
            response.setHeader("x-finassist-provider", c.provider());
        }
        send(ChatCompletionWire.deltaChunk(id, created, model, null, null,
                c.finishReason() == null ? "stop" : c.finishReason()));
        if (includeUsage) {
            ObjectNode usage = ChatCompletionWire.chunk(id, created, model);
            usage.putArray("choices");
            usage.set("usage", ChatCompletionWire.usage(c.usage()));
            usage.set("finassist", ChatCompletionWire.meta(c));
            send(usage);
        }
        write(DONE);
    }

    @Override
    public void onError(RouterException error) {
        GatewayException e = GatewayResponses.of(error);
        if (out == null) {
            try {
                GatewayResponses.error(response, e);
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
            return;
        }
        send(ChatCompletionWire.error(e.getMessage(), e.type, null, e.code));
        write(DONE);
    }

    private void send(JsonNode chunk) {
        try {
            byte[] json = ChatCompletionWire.JSON.writeValueAsBytes(chunk);
            byte[] frame = new byte[json.length + 8];
            System.arraycopy("data: ".getBytes(StandardCharsets.US_ASCII), 0, frame, 0, 6);
            System.arraycopy(json, 0, frame, 6, json.length);
            frame[frame.length - 2] = '\n';
            frame[frame.length - 1] = '\n';
            write(frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(byte[] bytes) {
        try {
            if (out == null) {
                out = SseResponse.begin(response);
            }
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            // the client went away; the router stops when the next write fails
            throw new UncheckedIOException(e);
        }
    }
}
