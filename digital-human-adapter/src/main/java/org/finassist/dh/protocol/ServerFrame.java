package org.finassist.dh.protocol;

import java.util.List;

/** A frame the server sends to a digital-human runtime. */
public sealed interface ServerFrame {

    /** Answer to a successful hello; lists the sessions this runtime owns that are resumed. */
    record Welcome(String runtimeId, int protocolVersion, int heartbeatSeconds, List<String> resumedSessions)
            implements ServerFrame {
        public Welcome {
            resumedSessions = List.copyOf(resumedSessions);
        }
    }

    /**
     * Text for the digital human to say. Long turns are split into segments sharing an utterance id; only the
     * last segment of a turn that asks a question has {@code expectsReply}.
     */
    record Speak(String sessionId, String utteranceId, String text, boolean first, boolean last, boolean expectsReply)
            implements ServerFrame {
    }

    /** Stop speaking now (e.g. a supervisor takes over). */
    record Interrupt(String sessionId, String utteranceId) implements ServerFrame {
    }

    /** Put text on the customer's screen: plain text or the prompt to hold the ID card to the camera. */
    record Show(String sessionId, ShowKind kind, String text) implements ServerFrame {
    }

    /** The witness ended; the runtime closes the customer's video session. */
    record SessionEnd(String sessionId, Outcome outcome, String reason) implements ServerFrame {
    }

    /** The server recorded the runtime's frame with this sequence number (written before it is sent). */
    record Ack(String sessionId, long seq) implements ServerFrame {
    }

    /** Answer to a heartbeat. */
    record Pong(long timestampMillis) implements ServerFrame {
    }

    /**
     * A refused frame. {@code sessionId} may be null (omitted on the wire); {@code refType} is always set: the
     * refused frame's {@code type}, {@link #BINARY} for a binary frame, {@link #UNPARSED} when no type could be
     * read. {@code lastSeq} (protocol 1.1) is set on {@code seq_regression}: the last acknowledged seq.
     */
    record Error(ErrorCode code, String message, String sessionId, String refType, Long lastSeq)
            implements ServerFrame {

        public static final String BINARY = "binary";
        public static final String UNPARSED = "unparsed";

        public Error {
            java.util.Objects.requireNonNull(refType, "refType");
        }

        public Error(ErrorCode code, String message, String sessionId, String refType) {
            this(code, message, sessionId, refType, null);
        }
    }

    /** What a {@link Show} frame displays. */
    enum ShowKind {
        TEXT, ID_PROMPT;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
