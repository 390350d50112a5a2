package org.finassist.rag.bench;

import java.util.Random;

/**
 * Random Chinese-looking text with a Zipf-distributed vocabulary (20,000 words of 1–3 common CJK characters), so
 * that posting-list lengths resemble real text rather than a handful of words repeated everywhere.
 */
final class SyntheticText {

    private static final int VOCABULARY = 20_000;
    private final String[] words = new String[VOCABULARY];
    private final double[] cumulative = new double[VOCABULARY];
    private final Random rnd;

    SyntheticText(Random rnd) {
        this.rnd = rnd;
        double sum = 0;
        for (int i = 0; i < VOCABULARY; i++) {
            StringBuilder w = new StringBuilder();
            int len = 1 + rnd.nextInt(3);
            for (int j = 0; j < len; j++) w.append((char) (0x4E00 + rnd.nextInt(3500)));
            words[i] = w.toString();
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < VOCABULARY; i++) cumulative[i] /= sum;
    }

    String sentence(int chars) {
        StringBuilder b = new StringBuilder(chars + 2);
        while (b.length() < chars) b.append(word());
        return b.append('。').toString();
    }

    private String word() {
        int i = java.util.Arrays.binarySearch(cumulative, rnd.nextDouble());
        return words[i >= 0 ? i : Math.min(VOCABULARY - 1, -i - 1)];
    }
}
