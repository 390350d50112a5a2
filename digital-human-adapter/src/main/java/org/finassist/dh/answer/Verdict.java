package org.finassist.dh.answer;

/** Polarity of a spoken answer to a yes/no question. */
public enum Verdict {
    AFFIRMATIVE,
    NEGATIVE,
    /** Hedged, contradictory, double-negated, empty or a request to repeat: ask again. */
    UNCLEAR,
    /** The customer asked something instead of answering. */
    QUESTION
}
