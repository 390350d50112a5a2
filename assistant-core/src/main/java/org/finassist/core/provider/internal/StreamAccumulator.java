package org.finassist.core.provider.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.TokenEstimator;
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
    private final CompletionRequest request;
    private final StringBuilder content = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final List<Map<String, Object>> toolCallDeltas = new ArrayList<>();
    private String id;
    private String finishReason;
    private Usage usage;
    private boolean started;

    StreamAccumulator(Flavor flavor, ModelSpec model, StreamSink sink, CompletionRequest request) {
        this.flavor = flavor;
        this.model = model;
        this.sink = sink;
        this.request = request;
    }

    /** Whether any event has arrived (a queued stream has only sent keep-alive comments so far). */
    boolean started() {
        return started;
    }

    /** Takes one event's data; true when it was the final {@code [DONE]}. */
    boolean accept(String data) {
        started = true;
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
        // StepFun repeats cumulative usage on every chunk; the last one seen is what an interruption has cost
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
        String fr = WireCodec.finishReason(choice);
        if (fr != null) {
            finishReason = fr;
        }
    }

    /**
     * The final completion. A stream that ended without {@code [DONE]} and without a (non-blank) finish reason was
     * cut, however cleanly the connection closed.
     */
    Completion finish(boolean sawDone) {
        if (!sawDone && finishReason == null) {
            throw billed(new ProviderException(FailureKind.STREAM_BROKEN, "Stream ended before [DONE] or a finish"
                    + " reason"));
        }
        return new Completion(id, content.toString(), reasoning.isEmpty() ? null : reasoning.toString(),
                toolCallDeltas, finishReason == null ? "stop" : finishReason, usage, null, null, model.alias(), null);
    }

    /**
     * Attaches what an interrupted stream has cost: the last cumulative usage the provider sent, else (when text
     * was generated) an estimate marked as such; nothing when nothing was generated.
     */
    ProviderException billed(ProviderException e) {
        if (e.billedUsage() != null) {
            return e;
        }
        if (usage != null) {
            return e.withBilledUsage(usage, false);
        }
        if (content.isEmpty() && reasoning.isEmpty() && toolCallDeltas.isEmpty()) {
            return e;
        }
        Usage prompt = TokenEstimator.usage(request, content.toString());
        int reasoningTokens = TokenEstimator.estimate(reasoning.toString());
        int toolTokens = toolCallDeltas.isEmpty() ? 0 : TokenEstimator.estimate(toolCallDeltas.toString());
        return e.withBilledUsage(new Usage(prompt.promptTokens(),
                prompt.completionTokens() + reasoningTokens + toolTokens, reasoningTokens, 0), true);
    }
}
