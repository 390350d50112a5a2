package org.finassist.core.local;

import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Passage;
import org.finassist.core.chat.TokenEstimator;
import org.finassist.core.chat.Usage;
import org.finassist.core.provider.Flavor;
import org.finassist.core.provider.ModelSpec;
import org.finassist.core.provider.ProviderClient;
import org.finassist.core.provider.ProviderConfig;
import org.finassist.core.provider.StreamSink;
import org.finassist.prompts.PromptRenderer;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The offline model every route ends with. Streams its answer sentence by sentence. */
public final class LocalGroundedModel implements ProviderClient {

    public static final String ID = "local";
    public static final String MODEL = "grounded";
    private static final Pattern SENTENCE = Pattern.compile("[^。！？\\n]*[。！？\\n]|[^。！？\\n]+$");
    private static final int MAX_PASSAGES = 3;

    private final ProviderConfig config = new ProviderConfig(ID, Flavor.LOCAL, URI.create("local:/"), "",
            List.of(new ModelSpec(MODEL, MODEL, 1_000_000, null)), 1, 0, null, null, null, null);
    private final PromptRenderer renderer;

    public LocalGroundedModel(PromptRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public ProviderConfig config() {
        return config;
    }

    @Override
    public Completion complete(CompletionRequest request, ModelSpec model, Instant deadline) {
        String text = answer(request);
        return new Completion("local-" + UUID.randomUUID(), text, null, List.of(), "stop",
                TokenEstimator.usage(request, text), null, ID, MODEL, null);
    }

    @Override
    public Completion stream(CompletionRequest request, ModelSpec model, Instant deadline, StreamSink sink) {
        Completion done = complete(request, model, deadline);
        Matcher m = SENTENCE.matcher(done.content());
        while (m.find()) {
            if (!m.group().isEmpty()) {
                sink.content(m.group());
            }
        }
        return done;
    }

    /** The answer text; the route picks the wording, the grounding decides what may be said. */
    String answer(CompletionRequest request) {
        Grounding g = request.grounding();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("route", request.route() == null ? "general" : request.route());
        model.put("question", request.lastUserText());
        model.put("directAnswer", g.directAnswer() == null ? "" : g.directAnswer());
        model.put("passages", g.passages().stream().limit(MAX_PASSAGES).map(LocalGroundedModel::passageModel).toList());
        model.put("facts", g.facts());
        return renderer.render("local/grounded.ftl", model).strip();
    }

    private static Map<String, Object> passageModel(Passage p) {
        return Map.of("source", nullToEmpty(p.source()), "heading", nullToEmpty(p.headingPath()),
                "text", excerpt(p.text()));
    }

    private static String excerpt(String text) {
        String t = nullToEmpty(text).strip();
        return t.length() <= 220 ? t : t.substring(0, 220) + "…";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
