package org.finassist.server.evalanswers;

/**
 * What the chat pipeline did with a question.
 *
 * @param scenario   the scenario of the {@code meta} event, or {@code null}
 * @param text       the streamed answer text (the {@code token} deltas joined)
 * @param handoff    whether a {@code handoff} event arrived
 * @param error      the {@code error} event's code, or {@code null}
 * @param millis     from sending the question to its {@code done} event
 */
record Observed(String scenario, String text, boolean handoff, String error, long millis) {
}
