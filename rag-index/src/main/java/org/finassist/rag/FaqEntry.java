package org.finassist.rag;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A question/answer pair of an FAQ file.
 *
 * @param question       the canonical question
 * @param answer         the answer returned as is by the FAQ fast path
 * @param alternatives   other phrasings of the same question
 * @param source         where the answer comes from (a rule, a notice, a product page), shown to reviewers; may be null
 * @param effectiveFrom  first day the answer is right, or {@code null}
 * @param effectiveUntil last day the answer is right (it is not retrieved after), or {@code null}
 */
public record FaqEntry(String question, String answer, List<String> alternatives, String source,
                       LocalDate effectiveFrom, LocalDate effectiveUntil) {

    public FaqEntry {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        source = source == null || source.isBlank() ? null : source.strip();
    }

    /** An entry without source or dates. */
    public FaqEntry(String question, String answer, List<String> alternatives) {
        this(question, answer, alternatives, null, null, null);
    }

    /** The same entry with the dates its chunk was stored with (stores keep the dates on the chunk). */
    public FaqEntry withDates(LocalDate from, LocalDate until) {
        return new FaqEntry(question, answer, alternatives, source, from, until);
    }
}
