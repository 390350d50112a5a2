package org.finassist.core.gate;

import org.finassist.core.chat.Attempt;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionListener;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.InterruptedCharge;
import org.finassist.core.chat.RouterException;
import org.finassist.core.guardrail.Violation;
import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.RouteOptions;

import java.util.List;
import java.util.Map;

/**
 * One model call of a gated answer: releases each sentence that passes, and after the first that fails releases
 * nothing more of this call (the rest is still read, so usage and cost stay exact).
 */
final class Stage implements CompletionListener {

    private final AnswerPolicy policy;
    private final Shown shown;
    private final SentenceSplitter content = new SentenceSplitter();
    private final SentenceSplitter reasoning = new SentenceSplitter();
    private boolean reasoningStopped;
    Violation failure;
    String failedText;
    Completion completion;
    RouterException error;

    private Stage(AnswerPolicy policy, Shown shown) {
        this.policy = policy;
        this.shown = shown;
    }

    static Stage run(ModelRouter router, CompletionRequest request, RouteOptions options, AnswerPolicy policy,
                     Shown shown) {
        Stage stage = new Stage(policy, shown);
        router.stream(request, stage, options);
        return stage;
    }

    /** An interrupted call's cost belongs to the caller's account, whatever the gate released of it. */
    @Override
    public void onInterruptedCharge(InterruptedCharge charge) {
        shown.listener.onInterruptedCharge(charge);
    }

    @Override
    public void onAttempt(Attempt attempt) {
        shown.listener.onAttempt(attempt);
    }

    // reasoning a client chose to show is model text too: it stops at its first failing sentence, without a retry
    @Override
    public void onReasoning(String delta) {
        reasoning.offer(delta).forEach(this::considerReasoning);
    }

    private void considerReasoning(String sentence) {
        reasoningStopped = reasoningStopped || !policy.check(sentence).isEmpty();
        if (!reasoningStopped && !sentence.isEmpty()) {
            shown.listener.onReasoning(sentence);
        }
    }

    @Override
    public void onContent(String delta) {
        content.offer(delta).forEach(this::consider);
    }

    @Override
    public void onToolCallDelta(Map<String, Object> delta) {
        shown.listener.onToolCallDelta(delta);
    }

    @Override
    public void onComplete(Completion done) {
        considerReasoning(reasoning.rest());
        consider(content.rest());
        completion = done;
    }

    @Override
    public void onError(RouterException e) {
        error = e;
    }

    private void consider(String sentence) {
        if (failure != null || sentence.isEmpty()) {
            return;
        }
        List<Violation> violations = policy.check(sentence);
        if (violations.isEmpty()) {
            shown.release(sentence);
        } else {
            failure = violations.getFirst();
            failedText = sentence;
        }
    }
}
