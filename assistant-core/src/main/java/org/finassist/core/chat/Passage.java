package org.finassist.core.chat;

/** A retrieved passage a grounded answer may cite: source title, heading path, text and retrieval score. */
public record Passage(String id, String source, String headingPath, String text, double score) {
}
