package org.finassist.content.commentary;

/** An article cannot be written from the data (English, for operators; the item is counted as failed). */
public final class CommentaryException extends RuntimeException {

    public CommentaryException(String message) {
        super(message);
    }
}
