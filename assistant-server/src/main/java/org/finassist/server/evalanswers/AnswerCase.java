package org.finassist.server.evalanswers;

import java.util.List;

/**
 * One question of an answer-quality set.
 *
 * @param id        stable id for reports
 * @param previous  the customer's earlier messages in the same conversation, oldest first (asked first, answers
 *                  not judged)
 * @param question  the message judged
 * @param expected  what the turn should do
 * @param scenario  the scenario id it should be classified as, or {@code null} to not judge it
 * @param facts     groups of phrases: each group needs one of its phrases in the answer
 * @param forbidden phrases that make the answer harmful (a wrong fact, the opposite direction, non-compliant text)
 */
record AnswerCase(String id, List<String> previous, String question, Action expected, String scenario,
                  List<List<String>> facts, List<String> forbidden) {

    AnswerCase {
        previous = previous == null ? List.of() : List.copyOf(previous);
        facts = facts == null ? List.of() : facts.stream().map(List::copyOf).toList();
        forbidden = forbidden == null ? List.of() : List.copyOf(forbidden);
        scenario = scenario == null || scenario.isBlank() ? null : scenario.strip();
    }
}
