package org.finassist.dh.answer;

/**
 * Scores how closely a read-aloud transcript follows the sentence shown on screen: one minus the edit distance
 * over the longer length, after dropping spaces and punctuation (ASR punctuates freely).
 */
public final class ReadAloudScorer {

    private ReadAloudScorer() {
    }

    /** Similarity in [0, 1]; 1 means identical up to punctuation. */
    public static double similarity(String spoken, String expected) {
        String a = Texts.normalize(spoken);
        String b = Texts.normalize(expected);
        int longer = Math.max(Texts.length(a), Texts.length(b));
        if (longer == 0) {
            return 1.0;
        }
        return 1.0 - (double) Texts.distance(a, b) / longer;
    }
}
