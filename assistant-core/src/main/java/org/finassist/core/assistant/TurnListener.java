package org.finassist.core.assistant;

import org.finassist.core.chat.CompletionListener;
import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Passage;
import org.finassist.core.classify.Classification;

import java.util.List;

/** A {@link CompletionListener} that also hears the scenario decision and the citations, before any text. */
public interface TurnListener extends CompletionListener {

    void onClassified(Classification classification);

    void onCitations(List<Passage> citations);

    /** The whole grounding of the turn, after the citations and before any text (its subject, its facts). */
    default void onGrounded(Grounding grounding) {
    }
}
