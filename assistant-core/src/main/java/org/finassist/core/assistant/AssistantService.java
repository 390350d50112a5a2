package org.finassist.core.assistant;

import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Message;
import org.finassist.core.chat.RouterException;
import org.finassist.core.classify.Classification;
import org.finassist.core.classify.ScenarioClassifier;
import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.Scenario;
import org.finassist.prompts.PromptRenderer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Runs customer turns: classify, ground, compose, route. Thread-safe. */
public final class AssistantService {

    private static final int MAX_HISTORY = 12;
    private static final String LOCAL_ROUTE = org.finassist.core.local.LocalGroundedModel.ID + ":"
            + org.finassist.core.local.LocalGroundedModel.MODEL;

    private final ModelRouter router;
    private final ScenarioClassifier classifier;
    private final Map<Scenario, GroundingSource> sources;
    private final PromptRenderer prompts;
    private final QueryRewriter rewriter;

    public AssistantService(ModelRouter router, ScenarioClassifier classifier, Map<Scenario, GroundingSource> sources,
                            PromptRenderer prompts) {
        this(router, classifier, sources, prompts, QueryRewriter.local());
    }

    public AssistantService(ModelRouter router, ScenarioClassifier classifier, Map<Scenario, GroundingSource> sources,
                            PromptRenderer prompts, QueryRewriter rewriter) {
        this.rewriter = rewriter;
        this.router = router;
        this.classifier = classifier;
        this.sources = sources.isEmpty() ? Map.of() : new EnumMap<>(sources);
        this.prompts = prompts;
    }

    /** Streams one turn to {@code listener}; never throws for a model failure (it arrives as onError). */
    public void turn(TurnRequest turn, TurnListener listener) {
        if (turn.message() == null || turn.message().isBlank()) {
            listener.onError(new RouterException(RouterException.Kind.INVALID_REQUEST, "message is empty", null));
            return;
        }
        // classify the standalone question ("科创板怎么开通 那创业板呢？"), not the bare follow-up ("那创业板呢？")
        String standalone = rewriter.rewrite(turn.history(), turn.message());
        Classification c = turn.scenario() != null
                ? new Classification(turn.scenario(), 1.0, "given", null)
                : FollowUpClassifier.classify(classifier, turn.history(), turn.message(), standalone);
        listener.onClassified(c);
        GroundingSource source = sources.get(c.scenario());
        Grounding grounding = source == null ? Grounding.NONE : source.ground(standalone, c, turn.knowledgeBases());
        listener.onCitations(grounding.passages());
        listener.onGrounded(grounding);
        CompletionRequest request = compose(turn, c, grounding);
        if (grounding.directAnswer() != null && grounding.check() == null && c.scenario() != Scenario.STOCK_DIAGNOSIS) {
            // FAQ fast path on every route that has knowledge-base grounding: the curated answer (already matched on
            // direction, negation and entities) is returned as is, no model is called
            router.stream(request.withRoute(LOCAL_ROUTE), listener);
        } else if (grounding.check() == null) {
            router.stream(request, listener);
        } else {
            CheckedAnswer.deliver(router, request, grounding, listener);
        }
    }

    CompletionRequest compose(TurnRequest turn, Classification c, Grounding grounding) {
        List<Message> messages = new ArrayList<>();
        messages.add(Message.system(prompts.render("system/assistant.ftl", Map.of(
                "scenario", c.scenario().id(),
                "passages", grounding.passages(),
                "facts", grounding.facts(),
                "grounded", !grounding.isEmpty()))));
        List<Message> history = turn.history();
        messages.addAll(history.subList(Math.max(0, history.size() - MAX_HISTORY), history.size()));
        messages.add(Message.user(turn.message()));
        return new CompletionRequest(c.scenario().id(), messages, Map.of(), grounding, null);
    }
}
