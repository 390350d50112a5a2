package org.finassist.server.witness;

/**
 * A supervisor's decision from the console. {@code action}: approve, reject, takeover or restart; {@code text}:
 * the note, rejection reason or the words to speak; {@code supervisor}: who decides, when no login is present.
 */
record DecisionRequest(String action, String text, String supervisor) {
}
