package org.finassist.dh.protocol;

import java.util.List;

/**
 * A frame the digital-human runtime sends to the server. Session-scoped frames name their session, so one
 * connection multiplexes every session the runtime hosts (Fay routes by user name the same way).
 */
public sealed interface RuntimeFrame {

    /** First frame on a connection: identifies and authenticates the runtime. */
    record Hello(String runtimeId, String token, int protocolVersion, List<String> capabilities, int maxSessions)
            implements RuntimeFrame {
        public Hello {
            capabilities = List.copyOf(capabilities);
        }

        @Override
        public String toString() {
            return "Hello[runtimeId=" + runtimeId + ", token=***, protocolVersion=" + protocolVersion
                    + ", capabilities=" + capabilities + ", maxSessions=" + maxSessions + "]";
        }
    }

    /**
     * A customer joined a video session on the runtime; a known session id means "resume". {@code seqReset}
     * (protocol 1.1, optional): the runtime lost its counters, so the session's {@code asr.final} numbering starts
     * again from any value.
     */
    record SessionJoin(String sessionId, Applicant applicant, boolean seqReset) implements RuntimeFrame {
        public SessionJoin(String sessionId, Applicant applicant) {
            this(sessionId, applicant, false);
        }
    }

    /** The customer's video session ended on the runtime side. */
    record SessionLeave(String sessionId, String reason) implements RuntimeFrame {
    }

    /** Interim recognition result; informational, may be superseded. {@code seq} is optional: -1 when absent. */
    record AsrPartial(String sessionId, long seq, String text) implements RuntimeFrame {
    }

    /**
     * Final recognition result of one customer utterance; acknowledged by the server once recorded.
     * {@code replyTo} (optional) is the utterance id of the question being answered: an answer to a question
     * that is no longer the open one (e.g. heard during a reconnect) is recorded but not evaluated.
     */
    record AsrFinal(String sessionId, long seq, String text, String replyTo) implements RuntimeFrame {
        public AsrFinal(String sessionId, long seq, String text) {
            this(sessionId, seq, text, null);
        }
    }

    /** The digital human began speaking an utterance. */
    record SpeakStarted(String sessionId, String utteranceId) implements RuntimeFrame {
    }

    /** The digital human finished (or was interrupted in) an utterance. */
    record SpeakFinished(String sessionId, String utteranceId, boolean interrupted) implements RuntimeFrame {
    }

    /** Something the runtime observed about the customer or the link. */
    record Event(String sessionId, EventKind kind, String detail) implements RuntimeFrame {
    }

    /** Keep-alive; the server answers with a pong. {@code timestampMillis} is optional: -1 when absent. */
    record Heartbeat(long timestampMillis) implements RuntimeFrame {
    }

    /** The frame's {@code type} on the wire, e.g. {@code asr.final}: the {@code refType} of an error about it. */
    default String wireType() {
        return switch (this) {
            case Hello h -> "hello";
            case SessionJoin f -> "session.join";
            case SessionLeave f -> "session.leave";
            case AsrPartial f -> "asr.partial";
            case AsrFinal f -> "asr.final";
            case SpeakStarted f -> "speak.started";
            case SpeakFinished f -> "speak.finished";
            case Event f -> "event";
            case Heartbeat h -> "heartbeat";
        };
    }

    /** The session id of a session-scoped frame, or null for connection-level frames. */
    default String sessionIdOrNull() {
        return switch (this) {
            case SessionJoin f -> f.sessionId();
            case SessionLeave f -> f.sessionId();
            case AsrPartial f -> f.sessionId();
            case AsrFinal f -> f.sessionId();
            case SpeakStarted f -> f.sessionId();
            case SpeakFinished f -> f.sessionId();
            case Event f -> f.sessionId();
            case Hello h -> null;
            case Heartbeat h -> null;
        };
    }
}
