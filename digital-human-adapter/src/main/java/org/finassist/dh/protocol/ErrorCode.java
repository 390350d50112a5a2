package org.finassist.dh.protocol;

import java.util.Locale;

/** Error codes of the {@code error} frame; wire names are lower snake case. */
public enum ErrorCode {
    /** Not JSON, or not a JSON object. */
    MALFORMED_FRAME(false),
    /** The {@code type} is not one this protocol version knows. */
    UNKNOWN_TYPE(false),
    /** A required field is missing or has the wrong JSON type. */
    INVALID_FIELD(false),
    /** The frame is larger than the server accepts. */
    FRAME_TOO_LARGE(false),
    /** The runtime speaks a protocol version the server does not. */
    UNSUPPORTED_VERSION(true),
    /** A frame before a successful hello, or a bad token. */
    UNAUTHENTICATED(true),
    /** The frame names a session another runtime owns. */
    NOT_SESSION_OWNER(false),
    /** The frame names a session the server does not know. */
    UNKNOWN_SESSION(false),
    /** The runtime already hosts as many sessions as it declared. */
    CAPACITY_EXCEEDED(false),
    /** The server failed; the frame may be retried. */
    INTERNAL(false),
    /**
     * Protocol 1.1: an {@code asr.final} whose seq is at or below the last acknowledged one and is not a resend of
     * it (another text); the error carries {@code lastSeq}. Rejoin with {@code seqReset} to restart the numbering.
     */
    SEQ_REGRESSION(false);

    private final boolean fatal;

    ErrorCode(boolean fatal) {
        this.fatal = fatal;
    }

    /** Whether the server closes the connection after sending this error. */
    public boolean fatal() {
        return fatal;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
