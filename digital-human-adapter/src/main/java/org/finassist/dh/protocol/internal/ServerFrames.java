package org.finassist.dh.protocol.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.finassist.dh.protocol.ErrorCode;
import org.finassist.dh.protocol.FrameCodec;
import org.finassist.dh.protocol.Outcome;
import org.finassist.dh.protocol.ServerFrame;
import org.finassist.dh.protocol.ServerFrame.Ack;
import org.finassist.dh.protocol.ServerFrame.Error;
import org.finassist.dh.protocol.ServerFrame.Interrupt;
import org.finassist.dh.protocol.ServerFrame.Pong;
import org.finassist.dh.protocol.ServerFrame.SessionEnd;
import org.finassist.dh.protocol.ServerFrame.Show;
import org.finassist.dh.protocol.ServerFrame.Speak;
import org.finassist.dh.protocol.ServerFrame.Welcome;

import static org.finassist.dh.protocol.internal.JsonFrameCodec.MAPPER;

/** JSON mapping of server → runtime frames. */
final class ServerFrames {

    private ServerFrames() {
    }

    static ObjectNode write(ServerFrame frame) {
        ObjectNode n = MAPPER.createObjectNode();
        switch (frame) {
            case Welcome w -> {
                n.put("type", "welcome").put("v", w.protocolVersion()).put("protocol", FrameCodec.REVISION)
                        .put("runtime", w.runtimeId()).put("heartbeatSeconds", w.heartbeatSeconds());
                w.resumedSessions().forEach(n.putArray("resumedSessions")::add);
            }
            case Speak s -> n.put("type", "speak").put("session", s.sessionId()).put("utterance", s.utteranceId())
                    .put("text", s.text()).put("first", s.first()).put("last", s.last())
                    .put("expectsReply", s.expectsReply());
            case Interrupt i -> {
                n.put("type", "interrupt").put("session", i.sessionId());
                RuntimeFrames.putIfSet(n, "utterance", i.utteranceId());
            }
            case Show s -> n.put("type", "show").put("session", s.sessionId()).put("kind", s.kind().wireName())
                    .put("text", s.text());
            case SessionEnd e -> n.put("type", "session.end").put("session", e.sessionId())
                    .put("outcome", e.outcome().wireName()).put("reason", e.reason());
            case Ack a -> n.put("type", "ack").put("session", a.sessionId()).put("seq", a.seq());
            case Pong p -> n.put("type", "pong").put("ts", p.timestampMillis());
            case Error e -> {
                n.put("type", "error").put("code", e.code().wireName()).put("message", e.message());
                RuntimeFrames.putIfSet(n, "session", e.sessionId());
                n.put("refType", e.refType());
                if (e.lastSeq() != null) {
                    n.put("lastSeq", e.lastSeq());
                }
            }
        }
        return n;
    }

    /** A 1.0 server may send a null refType. */
    private static String orUnparsed(String refType) {
        return refType == null ? Error.UNPARSED : refType;
    }

    /** Returns null for an unknown type. */
    static ServerFrame read(JsonFrameCodec.TypedNode node) {
        FieldReader f = node.fields();
        return switch (node.type()) {
            case "welcome" -> new Welcome(f.id("runtime"), f.positiveInt("v"), f.positiveInt("heartbeatSeconds"),
                    f.optionalStrings("resumedSessions"));
            case "speak" -> new Speak(f.id("session"), f.nonBlank("utterance"), f.text("text"),
                    f.optionalBoolean("first"), f.optionalBoolean("last"), f.optionalBoolean("expectsReply"));
            case "interrupt" -> new Interrupt(f.id("session"), f.optionalText("utterance"));
            case "show" -> new Show(f.id("session"), f.enumValue("kind", ServerFrame.ShowKind.class),
                    f.text("text"));
            case "session.end" -> new SessionEnd(f.id("session"), f.enumValue("outcome", Outcome.class),
                    f.optionalText("reason"));
            case "ack" -> new Ack(f.id("session"), f.nonNegativeLong("seq"));
            case "pong" -> new Pong(f.nonNegativeLong("ts"));
            case "error" -> new Error(f.enumValue("code", ErrorCode.class), f.text("message"),
                    f.optionalText("session"), orUnparsed(f.optionalText("refType")),
                    f.optionalNonNegativeLong("lastSeq") < 0 ? null : f.optionalNonNegativeLong("lastSeq"));
            default -> null;
        };
    }
}
