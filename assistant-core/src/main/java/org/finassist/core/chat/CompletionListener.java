package org.finassist.core.chat;

import java.util.Map;

/**
 * Receives a streamed answer. Calls arrive on the requesting thread, in order: {@link #onAttempt} for each
 * candidate tried, then deltas, then exactly one of {@link #onComplete} or {@link #onError}. Once a delta has
 * been delivered the router never fails over, so no text is ever repeated.
 */
public interface CompletionListener {

    /** A candidate is being tried (or was skipped); lets a UI show the route live. */
    default void onAttempt(Attempt attempt) {
    }

    /** A call to {@code provider:model} is starting; its deltas, if any, will come from that model. */
    default void onCandidate(String provider, String model) {
    }

    /** A piece of the model's reasoning (DeepSeek {@code reasoning_content}, StepFun {@code reasoning}). */
    default void onReasoning(String delta) {
    }

    /** A piece of the answer text. */
    void onContent(String delta);

    /** A raw tool-call delta in OpenAI's shape, passed through. */
    default void onToolCallDelta(Map<String, Object> delta) {
    }

    /** The answer is complete; usage, cost and trail are filled. */
    void onComplete(Completion completion);

    /**
     * A call was interrupted after it generated tokens, which the provider bills anyway; comes before the
     * {@link #onError} (or the next candidate's attempt) it led to. Whoever charges completed answers to an account
     * charges this too.
     */
    default void onInterruptedCharge(InterruptedCharge charge) {
    }

    /** The stream failed after it started, or no candidate could answer. */
    void onError(RouterException error);
}
