package org.finassist.dh.protocol.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.dh.protocol.ErrorCode;
import org.finassist.dh.protocol.FrameCodec;
import org.finassist.dh.protocol.RuntimeFrame;
import org.finassist.dh.protocol.ServerFrame;

import java.util.function.Function;

/** The JSON wire format of protocol version 1 (see docs/protocol.md). Thread-safe. */
public final class JsonFrameCodec implements FrameCodec {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final int maxFrameChars;

    public JsonFrameCodec(int maxFrameChars) {
        if (maxFrameChars < 256) {
            throw new IllegalArgumentException("maxFrameChars must be at least 256, was " + maxFrameChars);
        }
        this.maxFrameChars = maxFrameChars;
    }

    @Override
    public Decoded<RuntimeFrame> decodeRuntime(String text) {
        return decode(text, RuntimeFrames::read);
    }

    @Override
    public Decoded<ServerFrame> decodeServer(String text) {
        return decode(text, ServerFrames::read);
    }

    @Override
    public String encodeServer(ServerFrame frame) {
        return write(ServerFrames.write(frame));
    }

    @Override
    public String encodeRuntime(RuntimeFrame frame) {
        return write(RuntimeFrames.write(frame));
    }

    private <F> Decoded<F> decode(String text, Function<TypedNode, F> reader) {
        if (text == null || text.length() > maxFrameChars) {
            return new Decoded.Rejected<>(ErrorCode.FRAME_TOO_LARGE,
                    "frame exceeds " + maxFrameChars + " characters", null, ServerFrame.Error.UNPARSED);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return new Decoded.Rejected<>(ErrorCode.MALFORMED_FRAME, "frame is not valid JSON", null,
                    ServerFrame.Error.UNPARSED);
        }
        if (node == null || !node.isObject()) {
            return new Decoded.Rejected<>(ErrorCode.MALFORMED_FRAME, "frame must be a JSON object", null,
                    ServerFrame.Error.UNPARSED);
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            return new Decoded.Rejected<>(ErrorCode.MALFORMED_FRAME, "field 'type' must be a string", null,
                    ServerFrame.Error.UNPARSED);
        }
        String session = node.path("session").isTextual() ? node.get("session").textValue() : null;
        try {
            F frame = reader.apply(new TypedNode(type.textValue(), new FieldReader(node)));
            if (frame == null) {
                return new Decoded.Rejected<>(ErrorCode.UNKNOWN_TYPE,
                        "unknown frame type '" + type.textValue() + "'", session, type.textValue());
            }
            return new Decoded.Ok<>(frame);
        } catch (FieldReader.InvalidField | IllegalArgumentException e) {
            return new Decoded.Rejected<>(ErrorCode.INVALID_FIELD, e.getMessage(), session, type.textValue());
        }
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise frame", e);
        }
    }

    /** A frame's type with a reader over its fields. */
    record TypedNode(String type, FieldReader fields) {
    }
}
