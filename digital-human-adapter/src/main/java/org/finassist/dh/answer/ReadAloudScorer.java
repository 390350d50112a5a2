package org.finassist.dh.answer;

/**
 * Scores how closely a read-aloud transcript follows the sentence shown on screen, after dropping spaces and
 * punctuation (ASR punctuates freely). The sentence is aligned with the best-matching stretch of the transcript, so
 * what the customer says around it (我念一下啊 … 好了) costs nothing; that remainder is returned so it can be scanned
 * for a risk admission (… 其实是我朋友用).
 */
public final class ReadAloudScorer {

    /** The transcript's stretch that reads the sentence, scored; {@code remainder} is what was said before and after. */
    public record Match(double similarity, String remainder) {
    }

    private ReadAloudScorer() {
    }

    /** Similarity in [0, 1]; 1 means the sentence was read word for word somewhere in the transcript. */
    public static double similarity(String spoken, String expected) {
        return match(spoken, expected).similarity();
    }

    /**
     * Semi-global edit distance: the whole sentence against any stretch of the transcript (free leading and trailing
     * transcript characters), one minus the distance over the longer of the sentence and the stretch.
     */
    public static Match match(String spoken, String expected) {
        int[] s = Texts.normalize(spoken).codePoints().toArray();
        int[] e = Texts.normalize(expected).codePoints().toArray();
        if (e.length == 0) {
            return new Match(s.length == 0 ? 1.0 : 0.0, new String(s, 0, s.length));
        }
        int[][] distance = new int[e.length + 1][s.length + 1];
        int[][] start = new int[e.length + 1][s.length + 1];
        for (int j = 0; j <= s.length; j++) {
            start[0][j] = j; // the sentence may start anywhere in the transcript
        }
        for (int i = 1; i <= e.length; i++) {
            distance[i][0] = i;
            for (int j = 1; j <= s.length; j++) {
                int diagonal = distance[i - 1][j - 1] + (e[i - 1] == s[j - 1] ? 0 : 1);
                int skipSentence = distance[i - 1][j] + 1;
                int extraSpoken = distance[i][j - 1] + 1;
                if (diagonal <= skipSentence && diagonal <= extraSpoken) {
                    distance[i][j] = diagonal;
                    start[i][j] = start[i - 1][j - 1];
                } else if (skipSentence <= extraSpoken) {
                    distance[i][j] = skipSentence;
                    start[i][j] = start[i - 1][j];
                } else {
                    distance[i][j] = extraSpoken;
                    start[i][j] = start[i][j - 1];
                }
            }
        }
        int end = 0;
        for (int j = 1; j <= s.length; j++) {
            if (distance[e.length][j] < distance[e.length][end]) {
                end = j;
            }
        }
        int from = start[e.length][end];
        int longer = Math.max(e.length, end - from);
        double similarity = 1.0 - (double) distance[e.length][end] / longer;
        String remainder = new String(s, 0, from) + "，" + new String(s, end, s.length - end);
        return new Match(Math.max(0.0, similarity), remainder);
    }
}
