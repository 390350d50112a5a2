package org.finassist.ocr.guide;

/** Maps questionnaire scores (each answer A–D scores 1–4) to the customer risk levels C1–C5. */
final class RiskLevel {

    private RiskLevel() {
    }

    static int score(String answer) {
        return "ABCD".indexOf(answer) + 1;
    }

    /** 10–15 → C1, 16–21 → C2, 22–27 → C3, 28–33 → C4, 34–40 → C5. */
    static int fromScore(int score) {
        if (score <= 15) {
            return 1;
        }
        if (score <= 21) {
            return 2;
        }
        if (score <= 27) {
            return 3;
        }
        return score <= 33 ? 4 : 5;
    }
}
