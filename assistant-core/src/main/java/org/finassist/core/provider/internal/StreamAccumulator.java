package org.finassist.core.provider.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.Usage;
import org.finassist.core.provider.FailureKind;
import org.finassist.core.provider.Flavor;
import org.finassist.core.provider.ModelSpec;
import org.finassist.core.provider.ProviderException;
import org.finassist.core.provider.StreamSink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Folds streamed chunks into deltas for the sink and a final completion. */
final class StreamAccumulator {

    private final Flavor flavor;
    private final ModelSpec model;
    private final StreamSink sink;
    private final StringBuilder content = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final List<Map<String, Object>> toolCallDeltas = new ArrayList<>();
    private String id;
    private String finishReason;
    private Usage usage;

    StreamAccumulator(Flavor flavor, ModelSpec model, StreamSink sink) {
        this.flavor = flavor;
        this.model = model;
        this.sink = sink;
    }

    /** Takes one event's data; true when it was the final {@code [DONE]}. */
    boolean accept(String data) {
        if ("[DONE]".equals(data.trim())) {
            return true;
        }
        JsonNode chunk = WireCodec.parse(data, "stream event");
        if (chunk.has("error")) {
            throw new ProviderException(FailureKind.STREAM_BROKEN, "Upstream error in stream: "
                    + chunk.path("error").path("message").asText("unknown"));
        }
        if (id == null) {
            id = WireCodec.text(chunk, "id");
        }
        Usage u = WireCodec.usage(chunk.get("usage"));
        if (u != null) {
            usage = u;
        }
        for (JsonNode choice : chunk.path("choices")) {
            acceptChoice(choice);
        }
        return false;
    }

    private void acceptChoice(JsonNode choice) {
        JsonNode delta = choice.path("delta");
        String r = WireCodec.reasoning(delta, flavor);
        if (r != null && !r.isEmpty()) {
            reasoning.append(r);
            sink.reasoning(r);
        }
        String c = WireCodec.text(delta, "content");
        if (c != null && !c.isEmpty()) {
            content.append(c);
            sink.content(c);
        }
        for (JsonNode tc : delta.path("tool_calls")) {
            Map<String, Object> map = WireCodec.toMap(tc);
            toolCallDeltas.add(map);
            sink.toolCall(map);
        }
        String fr = WireCodec.text(choice, "finish_reason");
        if (fr != null) {
            finishReason = fr;
        }
    }

    /** The final completion; a stream that ended without {@code [DONE]} or a finish reason was cut. */
    Completion finish(boolean sawDone) {
        if (!sawDone && finishReason == null) {
            throw new ProviderException(FailureKind.STREAM_BROKEN, "Stream ended before [DONE]");
        }
        return new Completion(id, content.toString(), reasoning.isEmpty() ? null : reasoning.toString(),
                toolCallDeltas, finishReason == null ? "stop" : finishReason, usage, null, null, model.alias(), null);
    }
}
