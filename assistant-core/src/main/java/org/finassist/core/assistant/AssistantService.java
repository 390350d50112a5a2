package org.finassist.core.assistant;

import org.finassist.core.advice.AdviceRequestDetector;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Message;
import org.finassist.core.chat.RouterException;
import org.finassist.core.classify.Classification;
import org.finassist.core.classify.ScenarioClassifier;
import org.finassist.core.gate.AnswerGate;
import org.finassist.core.gate.AnswerPolicy;
import org.finassist.core.gate.GatedAnswer;
import org.finassist.core.gate.WithholdListener;
import org.finassist.core.handoff.HandoffDetector;
import org.finassist.core.local.LocalGroundedModel;
import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.Scenario;
import org.finassist.core.router.ScenarioDefinitions;
import org.finassist.prompts.PromptRenderer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs customer turns: classify, hand off to a person when the message calls for one, ground, compose, and stream
 * the answer through the {@link AnswerGate} (every sentence checked before it is shown). Thread-safe.
 */
public final class AssistantService {

    private static final int MAX_HISTORY = 12;
    private static final String LOCAL_ROUTE = org.finassist.core.local.LocalGroundedModel.ID + ":"
            + org.finassist.core.local.LocalGroundedModel.MODEL;

    private final ModelRouter router;
    private final ScenarioClassifier classifier;
    private final Map<Scenario, GroundingSource> sources;
    private final PromptRenderer prompts;
    private final QueryRewriter rewriter;
    private final AnswerGate gate;
    private final HandoffDetector handoffs;
    private final AdviceRequestDetector adviceRequests = new AdviceRequestDetector();

    public AssistantService(ModelRouter router, ScenarioClassifier classifier, Map<Scenario, GroundingSource> sources,
                            PromptRenderer prompts) {
        this(router, classifier, sources, prompts, QueryRewriter.local());
    }

    public AssistantService(ModelRouter router, ScenarioClassifier classifier, Map<Scenario, GroundingSource> sources,
                            PromptRenderer prompts, QueryRewriter rewriter) {
        this(router, classifier, sources, prompts, rewriter, new AnswerGate(router, prompts, WithholdListener.NONE),
                new HandoffDetector());
    }

    public AssistantService(ModelRouter router, ScenarioClassifier classifier, Map<Scenario, GroundingSource> sources,
                            PromptRenderer prompts, QueryRewriter rewriter, AnswerGate gate, HandoffDetector handoffs) {
        this.gate = gate;
        this.handoffs = handoffs;
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
        var handoff = handoffs.detect(turn.message());
        if (handoff.isPresent()) {
            // before any retrieval or model: a fraud report must not be answered with FAQ text on moving money
            HandoffTurn.deliver(handoff.get(), c.scenario().id(), listener);
            return;
        }
        var advice = adviceRequests.detect(turn.message());
        if (advice.isPresent()) {
            // a forecast or a pick is refused before retrieval: data near the question would read as an answer to it
            AdviceTurn.deliver(advice.get(), c.scenario().id(), listener);
            return;
        }
        GroundingSource source = sources.get(c.scenario());
        Grounding grounding = source == null ? Grounding.NONE : source.ground(standalone, c, turn.knowledgeBases());
        TurnRequest asked = turn;
        if (source != null && c.scenario() != Scenario.STOCK_DIAGNOSIS && c.scenario() != Scenario.COMMENTARY
                && answersNothing(standalone, grounding)) {
            // a short message that finds nothing on its own ("要多久内补上"), or only passages that do not answer it
            // ("开完要多久才能买" → how long opening an account takes), is read after the question before it;
            // the model (and the offline picker) then answer that reading, so both see what was retrieved for
            var read = FollowUp.withContext(turn.history(), turn.message());
            if (read.isPresent()) {
                Grounding again = source.ground(Colloquial.normalise(read.get()), c, turn.knowledgeBases());
                if (again.passages().stream().anyMatch(p -> FollowUp.touches(turn.message(), p.text()))) {
                    grounding = again;
                    asked = new TurnRequest(turn.history(), read.get(), turn.scenario(), turn.knowledgeBases(),
                            turn.showReasoning());
                }
            }
        }
        listener.onCitations(grounding.passages());
        listener.onGrounded(grounding);
        CompletionRequest request = compose(asked, c, grounding);
        if (grounding.directAnswer() != null && grounding.check() == null && c.scenario() != Scenario.STOCK_DIAGNOSIS) {
            // FAQ fast path on every route with knowledge-base grounding: the curated answer (already matched on
            // direction, negation and entities) is returned as is (still checked), no model is called
            request = request.withRoute(LOCAL_ROUTE);
        }
        AnswerPolicy policy = AnswerPolicy.forTurn(grounding, customerTexts(turn));
        GatedAnswer answer = gate.deliver(request, policy, grounding.directAnswer(), listener);
        if (answer != null) {
            HandoffTurn.finish(answer, turn.history(), listener);
        }
    }

    /**
     * Nothing retrieved, or passages none of which answers by the offline picker's rules (shared content words, the
     * aspect and figure asked); a curated answer or computed facts always answer.
     */
    private static boolean answersNothing(String question, Grounding grounding) {
        if (grounding.isEmpty()) return true;
        return grounding.directAnswer() == null && grounding.facts().isEmpty()
                && !LocalGroundedModel.findsAnswer(question, grounding.passages());
    }

    private static List<String> customerTexts(TurnRequest turn) {
        List<String> texts = new ArrayList<>();
        turn.history().stream().filter(m -> "user".equals(m.role())).map(Message::content).forEach(texts::add);
        texts.add(turn.message());
        return texts;
    }

    CompletionRequest compose(TurnRequest turn, Classification c, Grounding grounding) {
        List<Message> messages = new ArrayList<>();
        messages.add(Message.system(prompts.render(ScenarioDefinitions.of(c.scenario()).systemTemplate(), Map.of(
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
