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
import org.finassist.core.assistant.QueryRewriter;
import org.finassist.core.chat.Message;

import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * The answer text; the route picks the wording, the grounding decides what may be said: a direct answer as is,
     * computed facts, else the one passage that answers (AnswerPicker) with its citation, else an honest decline
     * offering a hand-off. Never a list of loosely related passages.
     */
    String answer(CompletionRequest request) {
        Grounding g = request.grounding();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("route", request.route() == null ? "general" : request.route());
        model.put("question", request.lastUserText());
        model.put("directAnswer", g.directAnswer() == null ? "" : g.directAnswer());
        model.put("passages", g.passages().stream().limit(MAX_PASSAGES).map(LocalGroundedModel::passageModel).toList());
        model.put("facts", g.facts());
        model.put("picks", List.of());
        model.put("greeting", SmallTalk.is(request.lastUserText()));
        model.put("thanks", SmallTalk.onlyThanks(request.lastUserText()));
        if (g.directAnswer() == null && g.facts().isEmpty()) {
            String standalone = standaloneQuestion(request);
            // a follow-up read with the turn before it ("融资利率是多少 比特币呢") is one question, not two
            boolean own = standalone.equals(request.lastUserText()) && !readWithEarlierTurn(request);
            model.put("picks", picks(standalone, own, g.passages()).stream()
                    .map(p -> Map.of("number", p.number(), "answer", p.answer(),
                            "source", nullToEmpty(p.passage().source()), "heading", nullToEmpty(p.passage().headingPath())))
                    .toList());
        }
        return renderer.render("local/grounded.ftl", model).strip();
    }

    /**
     * The passages that answer: one per question of the message when it asks several ("基金赎回多久到账 要手续费吗"),
     * in the order asked and each once, else the one that answers the whole message.
     */
    private static List<AnswerPicker.Pick> picks(String question, boolean split, List<Passage> passages) {
        Map<Integer, AnswerPicker.Pick> byNumber = new LinkedHashMap<>();
        for (QuestionParts.Part part : split ? QuestionParts.of(question) : List.<QuestionParts.Part>of()) {
            AnswerPicker.pick(part, passages).ifPresent(p -> byNumber.putIfAbsent(p.number(), p));
        }
        if (!byNumber.isEmpty()) {
            return List.copyOf(byNumber.values());
        }
        return AnswerPicker.pick(question, passages).map(List::of).orElse(List.of());
    }

    /** Whether the turn's text already holds an earlier question (a short message read after the one before it). */
    private static boolean readWithEarlierTurn(CompletionRequest request) {
        String last = request.lastUserText();
        List<Message> all = request.messages();
        int lastUser = all.size() - 1;
        while (lastUser >= 0 && !"user".equals(all.get(lastUser).role())) lastUser--;
        for (int i = 0; i < lastUser; i++) {
            Message m = all.get(i);
            if ("user".equals(m.role()) && m.content() != null && !m.content().isBlank() && last.contains(m.content().strip())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether one of {@code passages} answers {@code question} by the offline picker's rules: shared content words,
     * the aspect and the kind of figure asked. Retrieval asks it before reading a short message after the question
     * before it ("要多久才能自动解开" finds an entry on how long opening takes, which does not answer it).
     */
    public static boolean findsAnswer(String question, List<Passage> passages) {
        return AnswerPicker.pick(question, passages).isPresent();
    }

    /** The question the passages were retrieved for: a follow-up ("那创业板呢？") read with the turns before it. */
    private static String standaloneQuestion(CompletionRequest request) {
        List<Message> history = new ArrayList<>();
        List<Message> all = request.messages();
        int last = -1;
        for (int i = all.size() - 1; i >= 0; i--) {
            if ("user".equals(all.get(i).role())) {
                last = i;
                break;
            }
        }
        for (int i = 0; i < last; i++) {
            if (!"system".equals(all.get(i).role())) history.add(all.get(i));
        }
        return QueryRewriter.local().rewrite(history, request.lastUserText());
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
