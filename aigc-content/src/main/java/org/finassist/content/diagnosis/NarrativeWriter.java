package org.finassist.content.diagnosis;

import org.finassist.content.guard.GuardedGeneration;
import org.finassist.content.guard.NarrativeAttempt;
import org.finassist.content.guard.NarrativeSource;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.finassist.core.guardrail.Guardrail;
import org.finassist.core.guardrail.GuardrailResult;
import org.finassist.core.guardrail.GroundingContext;
import org.finassist.core.guardrail.RejectionListener;
import org.finassist.prompts.PromptRenderer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks the model for a narrative, checks it, regenerates once naming the rejected sentences, and otherwise falls
 * back to the local template narrative, recording every attempt and each rejection.
 */
final class NarrativeWriter {

    static final String SCENARIO = "stock-diagnosis";
    static final String SYSTEM_TEMPLATE = "diagnosis/stock-diagnosis-system.ftl";
    static final String USER_TEMPLATE = "diagnosis/stock-diagnosis-user.ftl";

    private final ChatModel model;
    private final PromptRenderer renderer;
    private final Guardrail guardrail;
    private final RejectionListener rejections;
    private final LocalNarrative local;

    NarrativeWriter(ChatModel model, PromptRenderer renderer, Guardrail guardrail, RejectionListener rejections) {
        this.model = model;
        this.renderer = renderer;
        this.guardrail = guardrail;
        this.rejections = rejections;
        this.local = new LocalNarrative(renderer);
    }

    Narrative write(DiagnosisFacts facts, Scores scores) {
        GroundingContext context = Grounding.of(facts, scores);
        List<NarrativeAttempt> attempts = new ArrayList<>();
        if (model == null) {
            return template(facts, scores, context, attempts, NarrativeSource.LOCAL_TEMPLATE, null);
        }
        var generation = new GuardedGeneration(model, guardrail, rejections, SCENARIO)
                .generate(rejected -> request(facts, scores, rejected), context, attempts, response -> { });
        return switch (generation) {
            case GuardedGeneration.Outcome.Passed p -> new Narrative(p.text(),
                    p.regenerated() ? NarrativeSource.MODEL_REGENERATED : NarrativeSource.MODEL, attempts, null);
            case GuardedGeneration.Outcome.LocalOnly l ->
                    template(facts, scores, context, attempts, NarrativeSource.LOCAL_TEMPLATE, null);
            case GuardedGeneration.Outcome.Failed f ->
                    template(facts, scores, context, attempts, NarrativeSource.TEMPLATE_FALLBACK, "model error");
            case GuardedGeneration.Outcome.Rejected r -> template(facts, scores, context, attempts,
                    NarrativeSource.TEMPLATE_FALLBACK, "model narrative rejected twice");
        };
    }

    private Narrative template(DiagnosisFacts facts, Scores scores, GroundingContext context,
                               List<NarrativeAttempt> attempts, NarrativeSource source, String reason) {
        String text = local.write(facts, scores);
        GuardrailResult result = guardrail.check(text, context);
        attempts.add(new NarrativeAttempt("template", text, result.passed(), result.violations(), null, null, null));
        if (!result.passed()) {
            // the template only prints facts; a violation here is a bug in the template or the grounding
            throw new IllegalStateException("Local diagnosis narrative failed its own checks: " + result.violations());
        }
        return new Narrative(text, source, attempts, reason);
    }

    private ChatRequest request(DiagnosisFacts facts, Scores scores, List<String> rejected) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", facts.security().name());
        m.put("symbol", facts.security().symbol().toString());
        m.put("asOf", facts.asOf().toString());
        m.put("facts", facts.facts().stream().filter(f -> !f.key().endsWith("Prev") && !f.key().endsWith("Prev5"))
                .map(f -> Map.of("label", f.label(), "display", f.display())).toList());
        m.put("scores", scores.dimensions().stream().map(d -> Map.of("label", d.dimension().label(),
                "score", d.score(), "reasons", String.join("，", d.reasons()))).toList());
        m.put("overall", scores.overall());
        m.put("rating", scores.rating().label());
        m.put("rejected", rejected);
        return ChatRequest.builder()
                .messages(SystemMessage.from(renderer.render(SYSTEM_TEMPLATE, Map.of()).strip()),
                        UserMessage.from(renderer.render(USER_TEMPLATE, m).strip()))
                .build();
    }
}
