package org.finassist.dh.protocol;

/**
 * Turns frames into protocol text and back. Decoding never throws on bad input: it returns a
 * {@link Decoded.Rejected} carrying the error code and message to send back.
 */
public interface FrameCodec {

    /** Protocol major version this codec speaks: the {@code v} of hello and welcome. */
    int VERSION = 1;

    /** Full protocol revision, announced in the welcome's {@code protocol}; 1.1 only adds to 1.0. */
    String REVISION = "1.1";

    Decoded<RuntimeFrame> decodeRuntime(String text);

    String encodeServer(ServerFrame frame);

    /** Client side: used by runtimes and the runtime simulator. */
    Decoded<ServerFrame> decodeServer(String text);

    /** Client side: used by runtimes and the runtime simulator. */
    String encodeRuntime(RuntimeFrame frame);

    /** The JSON codec with the given maximum frame size in characters. */
    static FrameCodec json(int maxFrameChars) {
        return new org.finassist.dh.protocol.internal.JsonFrameCodec(maxFrameChars);
    }

    /** Result of decoding one frame. */
    sealed interface Decoded<F> {
        record Ok<F>(F frame) implements Decoded<F> {
        }

        record Rejected<F>(ErrorCode code, String message, String sessionId, String type) implements Decoded<F> {
        }
    }
}
