package org.finassist.core.guardrail;

import java.util.List;

/** Runs several guardrails and merges their violations; itself a {@link Guardrail}. */
public final class Guardrails implements Guardrail {

    private final List<Guardrail> guardrails;

    private Guardrails(List<Guardrail> guardrails) {
        this.guardrails = List.copyOf(guardrails);
    }

    public static Guardrails of(Guardrail... guardrails) {
        return new Guardrails(List.of(guardrails));
    }

    /** Number grounding and compliance: what every generated narrative passes before it is published. */
    public static Guardrails forNarrative() {
        return of(new NumberGroundingGuardrail(), new ComplianceGuardrail());
    }

    @Override
    public String name() {
        return "all";
    }

    @Override
    public GuardrailResult check(String text, GroundingContext context) {
        GuardrailResult result = GuardrailResult.pass();
        for (Guardrail guardrail : guardrails) {
            result = result.and(guardrail.check(text, context));
        }
        return result;
    }
}
