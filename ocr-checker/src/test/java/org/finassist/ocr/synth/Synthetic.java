package org.finassist.ocr.synth;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;

/** Test helper: a generator with a fixed seed, or the test is skipped with a clear message when no CJK font exists. */
public final class Synthetic {

    /** The "today" every synthetic identity and validation is relative to. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private Synthetic() {
    }

    public static SyntheticCards cards(long seed) {
        assumeTrue(CjkFont.get().isPresent(), CjkFont.MISSING);
        return new SyntheticCards(CjkFont.get().orElseThrow(), seed, TODAY);
    }
}
