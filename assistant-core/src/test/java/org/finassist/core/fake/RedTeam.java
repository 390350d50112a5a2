package org.finassist.core.fake;

import java.util.List;

/**
 * The red-team side of the fake upstream: the forms in which a scripted answer (red-team or compliant, see
 * {@code GateSets}) is sent, so a sentence arrives whole, split across events, or one character at a time.
 */
public final class RedTeam {

    /** Characters per streamed event: one at a time, a few, odd cuts across sentences, the whole answer at once. */
    public static final List<Integer> FORMS = List.of(1, 4, 13, 100_000);

    private RedTeam() {
    }

    public static String formName(int chunkChars) {
        return chunkChars >= 100_000 ? "whole" : chunkChars + "-char chunks";
    }

    public static Script answer(String text, int chunkChars) {
        return Script.ok(text).withChunkChars(chunkChars);
    }
}
