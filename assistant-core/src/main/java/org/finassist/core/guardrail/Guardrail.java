package org.finassist.core.guardrail;

/**
 * A check on one generated text. Implementations are stateless and thread-safe.
 */
public interface Guardrail {

    /** Short stable name used in violations and metrics, e.g. {@code number-grounding}. */
    String name();

    /**
     * Checks {@code text} against {@code context} (the facts the text may use).
     *
     * @return the violations found; {@link GuardrailResult#passed()} when there are none
     */
    GuardrailResult check(String text, GroundingContext context);
}
