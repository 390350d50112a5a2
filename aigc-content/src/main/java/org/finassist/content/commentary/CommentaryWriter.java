package org.finassist.content.commentary;

import org.finassist.core.router.RouteMetadata;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.finassist.content.guard.NarrativeAttempt;
import org.finassist.content.guard.GuardedGeneration;
import org.finassist.content.guard.NarrativeSource;
import org.finassist.core.guardrail.Guardrail;
import org.finassist.core.guardrail.GroundingContext;
import org.finassist.core.guardrail.GuardrailResult;
import org.finassist.core.guardrail.RejectionListener;
import org.finassist.prompts.PromptRenderer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Asks the commentary route for an article, checks it, asks once more naming the rejected sentences, and reports a
 * rejection after that. A model error or the offline local model answering means the local template writes it.
 */
final class CommentaryWriter {

    static final String SCENARIO = "commentary";

    private final ChatModel model;
    private final PromptRenderer renderer;
    private final Guardrail guardrail;
    private final RejectionListener rejections;

    CommentaryWriter(ChatModel model, PromptRenderer renderer, Guardrail guardrail, RejectionListener rejections) {
        this.model = model;
        this.renderer = renderer;
        this.guardrail = guardrail;
        this.rejections = rejections;
    }

    Draft write(ArticleType type, SubjectFacts facts, List<String> news) {
        GroundingContext context = CommentaryGrounding.of(facts);
        List<NarrativeAttempt> attempts = new ArrayList<>();
        if (model == null) {
            return local(type, facts, context, attempts, NarrativeSource.LOCAL_TEMPLATE, Usage.NONE);
        }
        Usage[] usage = {Usage.NONE};
        var generation = new GuardedGeneration(model, guardrail, rejections, SCENARIO)
                .generate(rejected -> request(type, facts, news, rejected), context, attempts,
                        response -> usage[0] = usage[0].plus(response));
        Usage u = usage[0];
        return switch (generation) {
            case GuardedGeneration.Outcome.Passed p -> new Draft(p.text(), true,
                    p.regenerated() ? NarrativeSource.MODEL_REGENERATED : NarrativeSource.MODEL, p.modelName(),
                    u.prompt, u.completion, u.cost, List.of(), attempts);
            case GuardedGeneration.Outcome.LocalOnly l ->
                    local(type, facts, context, attempts, NarrativeSource.LOCAL_TEMPLATE, u);
            case GuardedGeneration.Outcome.Failed f ->
                    local(type, facts, context, attempts, NarrativeSource.TEMPLATE_FALLBACK, u);
            // rejected twice: stored as rejected, never published
            case GuardedGeneration.Outcome.Rejected r -> new Draft(r.text(), false, NarrativeSource.MODEL_REGENERATED,
                    attempts.getLast().modelName(), u.prompt, u.completion, u.cost, r.check().violations(), attempts);
        };
    }

    private Draft local(ArticleType type, SubjectFacts facts, GroundingContext context,
                        List<NarrativeAttempt> attempts, NarrativeSource source, Usage usage) {
        String template = type.perStock() ? "commentary/local-stock.ftl" : "commentary/local-market.ftl";
        String text = renderer.render(template, PromptModel.of(type, facts, List.of(), List.of())).strip();
        GuardrailResult result = guardrail.check(text, context);
        attempts.add(new NarrativeAttempt("template", text, result.passed(), result.violations(), null, null, null));
        if (!result.passed()) {
            // the template only prints facts; a violation here is a bug in the template or the grounding
            throw new IllegalStateException("Local " + type.id() + " template failed its own checks: "
                    + result.violations());
        }
        return new Draft(text, true, source, "local-template", usage.prompt, usage.completion, usage.cost, List.of(),
                attempts);
    }

    private ChatRequest request(ArticleType type, SubjectFacts facts, List<String> news, List<String> rejected) {
        String user = renderer.render("commentary/" + type.id() + ".ftl", PromptModel.of(type, facts, news, rejected));
        return ChatRequest.builder()
                .messages(SystemMessage.from(renderer.render("commentary/system.ftl", Map.of()).strip()),
                        UserMessage.from(user.strip()))
                .build();
    }

    /** Tokens and cost summed over the model calls of one article. */
    private record Usage(long prompt, long completion, BigDecimal cost) {
        static final Usage NONE = new Usage(0, 0, BigDecimal.ZERO);

        Usage plus(ChatResponse r) {
            var t = r.tokenUsage();
            BigDecimal c = RouteMetadata.of(r).map(RouteMetadata::costCny).orElse(BigDecimal.ZERO);
            return new Usage(prompt + (t == null || t.inputTokenCount() == null ? 0 : t.inputTokenCount()),
                    completion + (t == null || t.outputTokenCount() == null ? 0 : t.outputTokenCount()),
                    cost.add(c));
        }
    }
}
