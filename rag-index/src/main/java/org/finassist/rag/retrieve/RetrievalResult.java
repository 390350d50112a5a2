package org.finassist.rag.retrieve;

import java.util.List;

/** What retrieval concluded for one question. */
public sealed interface RetrievalResult {

    /** Passages shown to the knowledge-base owner, best first (the FAQ hit alone for {@link FaqAnswer}). */
    List<Passage> passages();

    /** An FAQ question matched closely enough: answer with {@code passage().chunk().faq().answer()} as is. */
    record FaqAnswer(Passage passage) implements RetrievalResult {
        @Override
        public List<Passage> passages() {
            return List.of(passage);
        }
    }

    /** Passages good enough to answer from. */
    record Found(List<Passage> passages) implements RetrievalResult {
    }

    /** Nothing relevant enough: say so and hand off to a human. {@code passages} are the near misses. */
    record NotFound(List<Passage> passages) implements RetrievalResult {
    }
}
