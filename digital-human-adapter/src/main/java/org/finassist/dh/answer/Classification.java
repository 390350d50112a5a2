package org.finassist.dh.answer;

/** A verdict with the reason it was reached, for the transcript and the supervisor. */
public record Classification(Verdict verdict, String reason) {
}
