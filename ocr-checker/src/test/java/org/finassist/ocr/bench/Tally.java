package org.finassist.ocr.bench;

/** Counts for one degradation kind. */
final class Tally {
    int photos;
    int rejected;
    int paddleId;
    int tessId;
    int mergedId;
    int paddleName;
    int tessName;
    int high;
    int highWrong;
    int disagreed;

    static String pct(int k, int n) {
        return n == 0 ? "–" : String.format("%.1f%%", 100.0 * k / n);
    }
}
