package org.finassist.core.assistant;

import org.finassist.core.chat.CompletionListener;
import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Passage;
import org.finassist.core.classify.Classification;
import org.finassist.core.handoff.HandoffReason;

import java.util.List;

/** A {@link CompletionListener} that also hears the scenario decision and the citations, before any text. */
public interface TurnListener extends CompletionListener {

    void onClassified(Classification classification);

    void onCitations(List<Passage> citations);

    /** The whole grounding of the turn, after the citations and before any text (its subject, its facts). */
    default void onGrounded(Grounding grounding) {
    }

    /** How the turn ended; called once, before {@link #onComplete}. */
    default void onOutcome(TurnOutcome outcome) {
    }

    /**
     * The conversation goes to a person: called after the turn's text and before {@link #onComplete}, with the
     * reason and what the customer is told.
     */
    default void onHandoff(HandoffReason reason, String message) {
    }
}
