package org.finassist.core.guardrail;

import java.util.ArrayList;
import java.util.List;

/** The outcome of one or more guardrail checks. */
public record GuardrailResult(List<Violation> violations) {

    private static final GuardrailResult PASS = new GuardrailResult(List.of());

    public GuardrailResult {
        violations = List.copyOf(violations);
    }

    public static GuardrailResult pass() {
        return PASS;
    }

    public boolean passed() {
        return violations.isEmpty();
    }

    public GuardrailResult and(GuardrailResult other) {
        if (other.passed()) {
            return this;
        }
        List<Violation> all = new ArrayList<>(violations);
        all.addAll(other.violations);
        return new GuardrailResult(all);
    }

    /** Distinct offending sentences, in order, for a regeneration prompt. */
    public List<String> offendingSentences() {
        return violations.stream().map(Violation::sentence).filter(s -> !s.isBlank()).distinct().toList();
    }
}
