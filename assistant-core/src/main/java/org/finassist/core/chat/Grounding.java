package org.finassist.core.chat;

import java.util.List;
import java.util.Map;

/**
 * What a scenario hands the models to answer from: retrieved passages, computed facts (each value already
 * formatted with its unit and date), an optional direct answer (an FAQ hit, a checked template narrative) the
 * local model may return as is, an optional {@link AnswerCheck} a model's answer must pass before it is shown, and the
 * subject the facts are about when there is one (a security's symbol, e.g. {@code 600000.SH}), so a client can show
 * its card only when the subject was found.
 */
public record Grounding(List<Passage> passages, Map<String, String> facts, String directAnswer, AnswerCheck check,
                        String subject) {

    public static final Grounding NONE = new Grounding(List.of(), Map.of(), null);

    public Grounding {
        passages = passages == null ? List.of() : List.copyOf(passages);
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
    }

    public Grounding(List<Passage> passages, Map<String, String> facts, String directAnswer) {
        this(passages, facts, directAnswer, null, null);
    }

    public Grounding(List<Passage> passages, Map<String, String> facts, String directAnswer, AnswerCheck check) {
        this(passages, facts, directAnswer, check, null);
    }

    public Grounding withCheck(AnswerCheck answerCheck) {
        return new Grounding(passages, facts, directAnswer, answerCheck, subject);
    }

    public Grounding withSubject(String newSubject) {
        return new Grounding(passages, facts, directAnswer, check, newSubject);
    }

    public boolean isEmpty() {
        return passages.isEmpty() && facts.isEmpty() && directAnswer == null;
    }
}
