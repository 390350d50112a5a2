package org.finassist.rag;

import java.util.List;
import java.util.Objects;

/**
 * A question/answer pair of an FAQ file.
 *
 * @param question     the canonical question
 * @param answer       the answer returned as is by the FAQ fast path
 * @param alternatives other phrasings of the same question
 */
public record FaqEntry(String question, String answer, List<String> alternatives) {

    public FaqEntry {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }
}
