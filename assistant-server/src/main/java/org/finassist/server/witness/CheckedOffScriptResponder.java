package org.finassist.server.witness;

import org.finassist.core.gate.AnswerPolicy;
import org.finassist.core.gate.Withhold;
import org.finassist.core.gate.WithholdListener;
import org.finassist.core.guardrail.Violation;
import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.script.ScriptTexts;
import org.finassist.dh.session.OffScriptResponder;

import java.util.List;

/**
 * The digital human speaks an off-script answer whole, so it is checked whole against the customer answer rules:
 * one failing sentence and the scripted deferral is spoken instead (a spoken sentence cannot be taken back).
 */
final class CheckedOffScriptResponder implements OffScriptResponder {

    private final OffScriptResponder model;
    private final ScriptTexts texts;
    private final WithholdListener withholds;

    CheckedOffScriptResponder(OffScriptResponder model, ScriptTexts texts, WithholdListener withholds) {
        this.model = model;
        this.texts = texts;
        this.withholds = withholds;
    }

    @Override
    public String answer(String question, Applicant applicant) {
        String answer = model.answer(question, applicant);
        List<Violation> violations = AnswerPolicy.complianceOnly().checkAll(answer);
        if (violations.isEmpty()) {
            return answer;
        }
        Violation first = violations.getFirst();
        withholds.withheld(new Withhold("witness", "witness", "off-script", "first", first.code(),
                Withhold.hash(first.sentence())));
        return texts.offScriptFallback(applicant);
    }
}
