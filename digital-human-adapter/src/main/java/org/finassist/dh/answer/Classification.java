package org.finassist.dh.answer;

/**
 * A verdict with the reason it was reached, for the transcript and the supervisor. {@code weak} marks a yes that
 * is only an interjection (嗯, 哦): enough to confirm the ID card is held up, not enough to answer "will you lend
 * your account?" with.
 */
public record Classification(Verdict verdict, String reason, boolean weak) {

    public Classification(Verdict verdict, String reason) {
        this(verdict, reason, false);
    }
}
