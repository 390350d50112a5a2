package org.finassist.server.opening;

/** Error body of every {@code /api/opening} failure: a stable code and a Chinese message for the customer. */
record OpeningError(String code, String message) {
}
