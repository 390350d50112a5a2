package org.finassist.content.guard;

import org.finassist.core.guardrail.Violation;

import java.util.List;

/**
 * One narrative candidate and what the checks said about it.
 *
 * @param origin     {@code model}, {@code model-retry} or {@code template}
 * @param text       the candidate text (empty when the model call failed)
 * @param accepted   whether it was published
 * @param violations why it was rejected
 * @param error      the model error, or {@code null}
 * @param modelName  the model that answered, or {@code null}
 * @param tokens     total tokens the model reported, or {@code null}
 */
public record NarrativeAttempt(String origin, String text, boolean accepted, List<Violation> violations, String error,
                               String modelName, Integer tokens) {
    public NarrativeAttempt {
        violations = List.copyOf(violations);
    }
}
