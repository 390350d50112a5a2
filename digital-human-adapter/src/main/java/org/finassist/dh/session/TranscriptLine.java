package org.finassist.dh.session;

/** One line of the live transcript; {@code speaker} is customer, agent (the digital human) or supervisor. */
public record TranscriptLine(long atMillis, String speaker, String text) {
}
