package org.finassist.content.commentary;

import org.finassist.content.guard.NarrativeAttempt;
import org.finassist.content.guard.NarrativeSource;
import org.finassist.core.guardrail.Violation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The text a writer settled on, or the last rejected one.
 *
 * @param accepted whether {@code text} passed the checks (false: the model was rejected twice)
 */
record Draft(String text, boolean accepted, NarrativeSource source, String model, long promptTokens,
             long completionTokens, BigDecimal costCny, List<Violation> violations, List<NarrativeAttempt> attempts) {
}
