package org.finassist.dh.script;

import java.util.List;

/** The ordered steps of a witness; the standard one follows 《证券账户非现场开户实施细则》's points. */
public record WitnessScript(List<WitnessStep> steps) {

    public WitnessScript {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a script needs at least one step");
        }
    }

    public static WitnessScript standard() {
        return new WitnessScript(List.of(
                WitnessStep.ask("name", CheckKind.NAME),
                WitnessStep.ask("id-number", CheckKind.ID_SUFFIX),
                new WitnessStep("show-id", "witness/step-show-id.ftl", CheckKind.EXPECT_YES, true, false),
                WitnessStep.ask("voluntary", CheckKind.EXPECT_YES),
                new WitnessStep("risk", "witness/step-risk.ftl", CheckKind.EXPECT_YES, false, false, true),
                WitnessStep.ask("own-operation", CheckKind.EXPECT_YES),
                WitnessStep.ask("no-lending", CheckKind.EXPECT_NO),
                WitnessStep.ask("no-promise", CheckKind.EXPECT_NO),
                new WitnessStep("read-aloud", "witness/step-read-aloud.ftl", CheckKind.READ_ALOUD, false, true)));
    }

    public WitnessStep step(int index) {
        return steps.get(index);
    }

    public int size() {
        return steps.size();
    }
}
