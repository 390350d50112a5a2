package org.finassist.server.funnel;

/** One {@code funnel_event} row; {@code step} is the step's index or null. */
record EventRow(String sessionId, long atMillis, EventKind kind, Integer step, String reason) {
}
