package org.finassist.core.gate;

import org.finassist.core.chat.Attempt;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionListener;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Message;
import org.finassist.core.chat.RouteTrail;
import org.finassist.core.chat.RouterException;
import org.finassist.core.chat.Usage;
import org.finassist.core.guardrail.Violation;
import org.finassist.core.local.LocalGroundedModel;
import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.RouteOptions;
import org.finassist.prompts.PromptRenderer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Streams an answer to a customer one checked sentence at a time (see the package description). Thread-safe; each
 * {@link #deliver} call runs on the caller's thread.
 */
public final class AnswerGate {

    /** Shown when even the local grounded answer has nothing that passes. */
    public static final String SAFE_ANSWER = "抱歉，这个问题我暂时无法给出合规的答复。涉及具体证券的买卖建议，请咨询持牌投资顾问；"
            + "您也可以点击“转人工”联系人工客服。";
    private static final String LOCAL_ROUTE = LocalGroundedModel.ID + ":" + LocalGroundedModel.MODEL;

    private final ModelRouter router;
    private final PromptRenderer prompts;
    private final WithholdListener withholds;

    public AnswerGate(ModelRouter router, PromptRenderer prompts, WithholdListener withholds) {
        this.router = router;
        this.prompts = prompts;
        this.withholds = withholds;
    }

    /**
     * Streams {@code request}'s answer to {@code listener} through {@code policy}.
     *
     * @param fallback the text that replaces a twice-failed answer (an FAQ or template answer); null = ask the local
     *                 grounded model
     * @return what was shown, without calling {@code onComplete} (the caller may still add a hand-off); null when the
     * answer failed before any text and {@code onError} was called
     */
    public GatedAnswer deliver(CompletionRequest request, AnswerPolicy policy, String fallback,
                               CompletionListener listener) {
        return deliver(request, policy, fallback, listener, RouteOptions.DEFAULT);
    }

    /**
     * As {@link #deliver(CompletionRequest, AnswerPolicy, String, CompletionListener)}, each model call routed with
     * {@code options}: a caller's cancellation, and cheapest candidates first for a key past its soft budget.
     */
    public GatedAnswer deliver(CompletionRequest request, AnswerPolicy policy, String fallback,
                               CompletionListener listener, RouteOptions options) {
        Shown shown = new Shown(listener);
        Stage first = Stage.run(router, request, options, policy, shown);
        if (first.error != null) {
            listener.onError(first.error);
            return null;
        }
        Ledger ledger = new Ledger(request.route());
        ledger.add(first.completion);
        if (first.failure == null) {
            return new GatedAnswer(ledger.publish(first.completion, shown.close(policy)), false, false);
        }
        record(request.route(), first, "first");
        listener.onAttempt(ledger.rejected(first.completion, first.failure));
        if (!LocalGroundedModel.ID.equals(first.completion.provider())) {
            Stage second = Stage.run(router, regenerate(request, shown.text(), first.failure), options, policy,
                    shown);
            if (second.error == null) {
                ledger.add(second.completion);
                if (second.failure == null) {
                    return new GatedAnswer(ledger.publish(second.completion, shown.close(policy)), true, false);
                }
                record(request.route(), second, "regenerated");
                listener.onAttempt(ledger.rejected(second.completion, second.failure));
            }
        }
        Completion local = fallBack(request, policy, fallback, shown);
        ledger.add(local);
        return new GatedAnswer(ledger.publish(local, shown.close(policy)), true, true);
    }

    /** The local text, sentence by sentence, dropping (and recording) any sentence that fails too. */
    private Completion fallBack(CompletionRequest request, AnswerPolicy policy, String fallback, Shown shown) {
        Completion local = null;
        // with nothing to ground in, the local model would only say that no model is available: say why instead
        if (fallback == null && !request.grounding().isEmpty()) {
            try {
                local = router.complete(request.withRoute(LOCAL_ROUTE));
            } catch (RouterException e) {
                local = null;
            }
        }
        String text = fallback != null ? fallback : local == null ? "" : local.content();
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> sentences = new ArrayList<>(splitter.offer(text == null ? "" : text));
        sentences.add(splitter.rest());
        String separator = shown.text().isEmpty() ? "" : "\n\n";
        boolean any = false;
        String before = shown.text();
        for (String s : sentences) {
            if (s.isBlank()) {
                continue;
            }
            // the fallback often opens with what the failed answer already showed (the same curated or template
            // text): the customer reads it once
            if (before.contains(s.strip())) {
                any = true;
                continue;
            }
            List<Violation> v = policy.check(s);
            if (v.isEmpty()) {
                shown.release(any ? s : separator + s);
                any = true;
            } else {
                withholds.withheld(new Withhold(request.route(), LocalGroundedModel.ID, LocalGroundedModel.MODEL,
                        "fallback", v.getFirst().code(), Withhold.hash(s)));
            }
        }
        if (!any) {
            shown.release(separator + SAFE_ANSWER);
        }
        return local != null ? local : new Completion("local-fallback", text, null, List.of(), "stop", Usage.ZERO,
                BigDecimal.ZERO, LocalGroundedModel.ID, LocalGroundedModel.MODEL,
                new RouteTrail(request.route(), List.of(new Attempt(LocalGroundedModel.ID, LocalGroundedModel.MODEL, "ok",
                        null, 0, null, 0))));
    }

    private CompletionRequest regenerate(CompletionRequest request, String shownText, Violation failure) {
        List<Message> messages = new ArrayList<>(request.messages());
        if (!shownText.isEmpty()) {
            messages.add(Message.assistant(shownText));
        }
        messages.add(Message.user(prompts.render("gate/regenerate.ftl", Map.of(
                "sentence", failure.sentence(), "rule", failure.code(), "shown", shownText))));
        return new CompletionRequest(request.route(), messages, request.parameters(), request.grounding(),
                request.deadline());
    }

    private void record(String route, Stage stage, String name) {
        withholds.withheld(new Withhold(route, stage.completion.provider(), stage.completion.model(), name,
                stage.failure.code(), Withhold.hash(stage.failedText)));
    }
}
