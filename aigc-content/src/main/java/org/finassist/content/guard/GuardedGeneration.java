package org.finassist.content.guard;

import org.finassist.core.router.RouteMetadata;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.finassist.core.guardrail.Guardrail;
import org.finassist.core.guardrail.GuardrailResult;
import org.finassist.core.guardrail.GroundingContext;
import org.finassist.core.guardrail.RejectionListener;
import org.finassist.core.guardrail.Violation;

/**
 * Asks a model for a text that must pass a guardrail: a rejected text is regenerated once with its offending
 * sentences named, and every attempt is recorded. What to publish when no model text passes is the caller's choice
 * (the diagnosis falls back to its template; a commentary article is stored as rejected). Shared by the diagnosis
 * narrative and the commentary articles so both follow the same rules.
 */
public final class GuardedGeneration {

    private static final int ROUNDS = 2;

    /** How a generation ended. */
    public sealed interface Outcome {
        /** A model text passed the guardrail ({@code regenerated}: in the second round). */
        record Passed(String text, boolean regenerated, String modelName) implements Outcome {
        }

        /** Every model text was rejected; the last one and its check. */
        record Rejected(String text, GuardrailResult check) implements Outcome {
        }

        /** Only the router's local model answered: the caller writes its own template. */
        record LocalOnly() implements Outcome {
        }

        /** The model call failed (recorded in the attempts). */
        record Failed() implements Outcome {
        }
    }

    private final ChatModel model;
    private final Guardrail guardrail;
    private final RejectionListener rejections;
    private final String scenario;

    public GuardedGeneration(ChatModel model, Guardrail guardrail, RejectionListener rejections, String scenario) {
        this.model = model;
        this.guardrail = guardrail;
        this.rejections = rejections;
        this.scenario = scenario;
    }

    /**
     * @param request   the request for a round, given the sentences rejected in the round before (empty at first)
     * @param attempts  receives one entry per model call
     * @param responses sees every model response (token and cost accounting)
     */
    public Outcome generate(Function<List<String>, ChatRequest> request, GroundingContext context,
                            List<NarrativeAttempt> attempts, Consumer<ChatResponse> responses) {
        List<String> rejected = List.of();
        Outcome last = new Outcome.Failed();
        for (int round = 0; round < ROUNDS; round++) {
            String origin = round == 0 ? "model" : "model-retry";
            ChatResponse response;
            try {
                response = model.chat(request.apply(rejected));
            } catch (RuntimeException e) {
                attempts.add(new NarrativeAttempt(origin, "", false, List.of(), e.getClass().getSimpleName() + ": "
                        + e.getMessage(), null, null));
                return new Outcome.Failed();
            }
            responses.accept(response);
            String text = response.aiMessage().text() == null ? "" : response.aiMessage().text().strip();
            Integer tokens = response.tokenUsage() == null ? null : response.tokenUsage().totalTokenCount();
            if (isLocalModel(response)) {
                attempts.add(new NarrativeAttempt(origin, text, false, List.of(), null, response.modelName(), tokens));
                return new Outcome.LocalOnly();
            }
            GuardrailResult result = text.isEmpty() ? emptyAnswer() : guardrail.check(text, context);
            attempts.add(new NarrativeAttempt(origin, text, result.passed(), result.violations(), null,
                    response.modelName(), tokens));
            if (result.passed()) return new Outcome.Passed(text, round > 0, response.modelName());
            rejections.rejected(scenario, result.violations());
            rejected = result.offendingSentences().isEmpty() ? List.of(text.isEmpty() ? "（回答为空）" : text)
                    : result.offendingSentences();
            last = new Outcome.Rejected(text, result);
        }
        return last;
    }

    private static boolean isLocalModel(ChatResponse response) {
        return RouteMetadata.answeredLocally(response);
    }

    private GuardrailResult emptyAnswer() {
        return new GuardrailResult(List.of(new Violation(scenario, "EMPTY_ANSWER", "", "the model returned no text")));
    }
}
