package org.finassist.core.gate;

import org.finassist.core.chat.CompletionListener;

/** The text released to the customer so far, across the stages of one answer. */
final class Shown {

    final CompletionListener listener;
    private final StringBuilder text = new StringBuilder();

    Shown(CompletionListener listener) {
        this.listener = listener;
    }

    void release(String sentence) {
        listener.onContent(sentence);
        text.append(sentence);
    }

    String text() {
        return text.toString();
    }

    /** Adds the policy's closing disclaimer when the answer lacks it, and returns everything shown. */
    String close(AnswerPolicy policy) {
        String disclaimer = policy.disclaimer();
        if (disclaimer != null && !text.toString().contains(disclaimer)) {
            release(text.isEmpty() ? disclaimer : "\n\n" + disclaimer);
        }
        return text.toString();
    }
}
