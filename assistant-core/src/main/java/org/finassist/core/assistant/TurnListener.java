package org.finassist.core.assistant;

import org.finassist.core.chat.CompletionListener;
import org.finassist.core.chat.Passage;
import org.finassist.core.classify.Classification;

import java.util.List;

/** A {@link CompletionListener} that also hears the scenario decision and the citations, before any text. */
public interface TurnListener extends CompletionListener {

    void onClassified(Classification classification);

    void onCitations(List<Passage> citations);
}
