package org.finassist.core.guardrail;

import java.util.ArrayList;
import java.util.List;

/**
 * Rejects sentences containing a banned phrase (promised returns, trading instructions, absolute terms). The
 * check is deliberately conservative: "不建议买入" is rejected too, because a generated text has no business
 * talking about buying at all.
 */
public final class ComplianceGuardrail implements Guardrail {

    public static final String NAME = "compliance";

    private final PhraseList phrases;

    public ComplianceGuardrail() {
        this(PhraseList.loadDefault());
    }

    public ComplianceGuardrail(PhraseList phrases) {
        this.phrases = phrases;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GuardrailResult check(String text, GroundingContext context) {
        List<Violation> violations = new ArrayList<>();
        for (String sentence : Sentences.split(text)) {
            String compact = sentence.replaceAll("\\s+", "").replace('％', '%');
            for (PhraseList.Entry entry : phrases.entries()) {
                if (compact.contains(entry.phrase())) {
                    violations.add(new Violation(NAME, entry.code(), sentence, "contains '" + entry.phrase() + "'"));
                }
            }
        }
        return new GuardrailResult(violations);
    }
}
