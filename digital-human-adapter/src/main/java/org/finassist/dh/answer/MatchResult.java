package org.finassist.dh.answer;

/** Result of comparing an answer to what the application says. */
public enum MatchResult {
    MATCH,
    MISMATCH,
    /** Too little was heard to decide: ask again. */
    UNCLEAR
}
