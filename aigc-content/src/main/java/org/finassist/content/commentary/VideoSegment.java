package org.finassist.content.commentary;

/**
 * One timed segment of a short-video script, read by a digital human.
 *
 * @param start     second the segment starts at
 * @param end       second it ends at (exclusive)
 * @param narration what the digital human says
 * @param caption   the on-screen caption (short)
 */
public record VideoSegment(int start, int end, String narration, String caption) {
}
