package org.finassist.dh.protocol.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.protocol.EventKind;
import org.finassist.dh.protocol.RuntimeFrame;
import org.finassist.dh.protocol.RuntimeFrame.AsrFinal;
import org.finassist.dh.protocol.RuntimeFrame.AsrPartial;
import org.finassist.dh.protocol.RuntimeFrame.Event;
import org.finassist.dh.protocol.RuntimeFrame.Heartbeat;
import org.finassist.dh.protocol.RuntimeFrame.Hello;
import org.finassist.dh.protocol.RuntimeFrame.SessionJoin;
import org.finassist.dh.protocol.RuntimeFrame.SessionLeave;
import org.finassist.dh.protocol.RuntimeFrame.SpeakFinished;
import org.finassist.dh.protocol.RuntimeFrame.SpeakStarted;

import static org.finassist.dh.protocol.internal.JsonFrameCodec.MAPPER;

/** JSON mapping of runtime → server frames. */
final class RuntimeFrames {

    private RuntimeFrames() {
    }

    /** Returns null for an unknown type. */
    static RuntimeFrame read(JsonFrameCodec.TypedNode node) {
        FieldReader f = node.fields();
        return switch (node.type()) {
            case "hello" -> new Hello(f.id("runtime"), f.text("token"), f.positiveInt("v"),
                    f.optionalStrings("capabilities"), f.positiveInt("maxSessions"));
            case "session.join" -> new SessionJoin(f.id("session"), applicant(f.object("applicant")),
                    f.optionalBoolean("seqReset"));
            case "session.leave" -> new SessionLeave(f.id("session"), f.optionalText("reason"));
            case "asr.partial" -> new AsrPartial(f.id("session"), f.optionalNonNegativeLong("seq"), f.text("text"));
            case "asr.final" -> new AsrFinal(f.id("session"), f.nonNegativeLong("seq"), f.text("text"),
                    f.optionalText("replyTo"));
            case "speak.started" -> new SpeakStarted(f.id("session"), f.nonBlank("utterance"));
            case "speak.finished" -> new SpeakFinished(f.id("session"), f.nonBlank("utterance"),
                    f.optionalBoolean("interrupted"));
            case "event" -> new Event(f.id("session"), f.enumValue("kind", EventKind.class),
                    f.optionalText("detail"));
            case "heartbeat" -> new Heartbeat(f.optionalNonNegativeLong("ts"));
            default -> null;
        };
    }

    private static Applicant applicant(FieldReader a) {
        return new Applicant(a.nonBlank("applicationId"), a.nonBlank("name"), a.nonBlank("idNumber"),
                a.nonBlank("broker"), a.nonBlank("product"));
    }

    static ObjectNode write(RuntimeFrame frame) {
        ObjectNode n = MAPPER.createObjectNode();
        switch (frame) {
            case Hello h -> {
                n.put("type", "hello").put("v", h.protocolVersion()).put("runtime", h.runtimeId())
                        .put("token", h.token()).put("maxSessions", h.maxSessions());
                h.capabilities().forEach(n.putArray("capabilities")::add);
            }
            case SessionJoin j -> {
                n.put("type", "session.join").put("session", j.sessionId());
                Applicant a = j.applicant();
                n.putObject("applicant").put("applicationId", a.applicationId()).put("name", a.name())
                        .put("idNumber", a.idNumber()).put("broker", a.broker()).put("product", a.product());
                if (j.seqReset()) {
                    n.put("seqReset", true);
                }
            }
            case SessionLeave l -> {
                n.put("type", "session.leave").put("session", l.sessionId());
                putIfSet(n, "reason", l.reason());
            }
            case AsrPartial p -> {
                n.put("type", "asr.partial").put("session", p.sessionId());
                if (p.seq() >= 0) {
                    n.put("seq", p.seq());
                }
                n.put("text", p.text());
            }
            case AsrFinal p -> {
                n.put("type", "asr.final").put("session", p.sessionId()).put("seq", p.seq()).put("text", p.text());
                if (p.replyTo() != null) {
                    n.put("replyTo", p.replyTo());
                }
            }
            case SpeakStarted s -> n.put("type", "speak.started").put("session", s.sessionId())
                    .put("utterance", s.utteranceId());
            case SpeakFinished s -> n.put("type", "speak.finished").put("session", s.sessionId())
                    .put("utterance", s.utteranceId()).put("interrupted", s.interrupted());
            case Event e -> {
                n.put("type", "event").put("session", e.sessionId()).put("kind", e.kind().wireName());
                putIfSet(n, "detail", e.detail());
            }
            case Heartbeat h -> {
                n.put("type", "heartbeat");
                if (h.timestampMillis() >= 0) {
                    n.put("ts", h.timestampMillis());
                }
            }
        }
        return n;
    }

    /** Absent optional strings are left out, never written as null. */
    static void putIfSet(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }
}
