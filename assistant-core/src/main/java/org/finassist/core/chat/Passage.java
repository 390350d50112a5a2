package org.finassist.core.chat;

/**
 * A retrieved passage a grounded answer may cite: source title, heading path, text, retrieval score and the cosine
 * similarity of the question to it from the vector leg ({@code NaN} when that leg did not find it).
 */
public record Passage(String id, String source, String headingPath, String text, double score, double similarity) {

    /** A passage whose similarity is unknown (found by keywords only, or built without retrieval). */
    public Passage(String id, String source, String headingPath, String text, double score) {
        this(id, source, headingPath, text, score, Double.NaN);
    }
}
