package org.finassist.rag.retrieve;

/** Which part of retrieval found a passage. */
public enum Leg {
    KEYWORD, VECTOR, FAQ
}
