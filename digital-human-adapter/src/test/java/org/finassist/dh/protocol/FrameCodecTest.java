package org.finassist.dh.protocol;

import org.finassist.dh.protocol.FrameCodec.Decoded;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FrameCodecTest {

    private final FrameCodec codec = FrameCodec.json(4096);

    static final Applicant APPLICANT = new Applicant("A-1", "张伟", "110101199003071234", "示例证券", "普通证券账户");

    static Stream<RuntimeFrame> runtimeFrames() {
        return Stream.of(
                new RuntimeFrame.Hello("rt-1", "secret", 1, List.of("tts", "asr", "id_prompt"), 10),
                new RuntimeFrame.SessionJoin("s-1", APPLICANT),
                new RuntimeFrame.SessionJoin("s-1", APPLICANT, true),
                new RuntimeFrame.SessionLeave("s-1", null),
                new RuntimeFrame.AsrPartial("s-1", -1, "是"),
                new RuntimeFrame.Heartbeat(-1),
                new RuntimeFrame.SessionLeave("s-1", "hangup"),
                new RuntimeFrame.AsrPartial("s-1", 3, "是"),
                new RuntimeFrame.AsrFinal("s-1", 4, "是的，我是本人"),
                new RuntimeFrame.AsrFinal("s-1", 5, "是的", "s-1-u3"),
                new RuntimeFrame.SpeakStarted("s-1", "u-1"),
                new RuntimeFrame.SpeakFinished("s-1", "u-1", true),
                new RuntimeFrame.Event("s-1", EventKind.SECOND_FACE, "2 faces"),
                new RuntimeFrame.Heartbeat(1700000000000L));
    }

    static Stream<ServerFrame> serverFrames() {
        return Stream.of(
                new ServerFrame.Welcome("rt-1", 1, 15, List.of("s-1")),
                new ServerFrame.Speak("s-1", "u-1", "请问您是张伟本人吗？", true, true, true),
                new ServerFrame.Interrupt("s-1", "u-1"),
                new ServerFrame.Show("s-1", ServerFrame.ShowKind.ID_PROMPT, "请将身份证人像面对准摄像头"),
                new ServerFrame.SessionEnd("s-1", Outcome.REJECTED, "supervisor rejected"),
                new ServerFrame.Ack("s-1", 4),
                new ServerFrame.Pong(1700000000000L),
                new ServerFrame.Error(ErrorCode.NOT_SESSION_OWNER, "not yours", "s-9", "asr.final"),
                new ServerFrame.Error(ErrorCode.SEQ_REGRESSION, "below", "s-1", "asr.final", 5L),
                new ServerFrame.Error(ErrorCode.MALFORMED_FRAME, "binary", null, ServerFrame.Error.BINARY),
                new ServerFrame.Interrupt("s-1", null));
    }

    @ParameterizedTest
    @MethodSource("runtimeFrames")
    void runtimeFramesRoundTrip(RuntimeFrame frame) {
        String json = codec.encodeRuntime(frame);
        assertThat(codec.decodeRuntime(json)).isEqualTo(new Decoded.Ok<>(frame));
    }

    @ParameterizedTest
    @MethodSource("serverFrames")
    void serverFramesRoundTrip(ServerFrame frame) {
        String json = codec.encodeServer(frame);
        assertThat(codec.decodeServer(json)).isEqualTo(new Decoded.Ok<>(frame));
    }

    @Test
    void asrFinalHasTheDocumentedWireShape() {
        String json = codec.encodeRuntime(new RuntimeFrame.AsrFinal("s-1", 7, "对"));
        assertThat(json).isEqualTo("{\"type\":\"asr.final\",\"session\":\"s-1\",\"seq\":7,\"text\":\"对\"}");
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of("not json", ErrorCode.MALFORMED_FRAME, null),
                Arguments.of("[1,2]", ErrorCode.MALFORMED_FRAME, null),
                Arguments.of("{\"session\":\"s-1\"}", ErrorCode.MALFORMED_FRAME, null),
                Arguments.of("{\"type\":7}", ErrorCode.MALFORMED_FRAME, null),
                Arguments.of("{\"type\":\"dance\",\"session\":\"s-1\"}", ErrorCode.UNKNOWN_TYPE, "s-1"),
                Arguments.of("{\"type\":\"asr.final\",\"session\":\"s-1\",\"text\":\"是\"}", ErrorCode.INVALID_FIELD, "s-1"),
                Arguments.of("{\"type\":\"asr.final\",\"session\":\"s-1\",\"seq\":-1,\"text\":\"是\"}", ErrorCode.INVALID_FIELD, "s-1"),
                Arguments.of("{\"type\":\"asr.final\",\"session\":\"s-1\",\"seq\":1.5,\"text\":\"是\"}", ErrorCode.INVALID_FIELD, "s-1"),
                Arguments.of("{\"type\":\"asr.final\",\"session\":\"\",\"seq\":1,\"text\":\"是\"}", ErrorCode.INVALID_FIELD, ""),
                Arguments.of("{\"type\":\"event\",\"session\":\"s-1\",\"kind\":\"alien\"}", ErrorCode.INVALID_FIELD, "s-1"),
                Arguments.of("{\"type\":\"hello\",\"runtime\":\"r\",\"token\":\"t\",\"v\":1,\"maxSessions\":0}", ErrorCode.INVALID_FIELD, null),
                Arguments.of("{\"type\":\"session.join\",\"session\":\"s-1\",\"applicant\":{\"name\":\"x\"}}", ErrorCode.INVALID_FIELD, "s-1"),
                Arguments.of("{\"type\":\"session.join\",\"session\":\"s-1\",\"applicant\":{\"applicationId\":\"a\",\"name\":\" \","
                        + "\"idNumber\":\"1\",\"broker\":\"b\",\"product\":\"p\"}}", ErrorCode.INVALID_FIELD, "s-1"));
    }

    @ParameterizedTest
    @MethodSource("rejections")
    void badFramesAreRejectedWithACode(String text, ErrorCode code, String session) {
        Decoded<RuntimeFrame> decoded = codec.decodeRuntime(text);
        assertThat(decoded).isInstanceOfSatisfying(Decoded.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.sessionId()).isEqualTo(session);
            assertThat(r.message()).isNotBlank();
        });
    }

    @Test
    void oversizedFramesAreRejectedBeforeParsing() {
        String big = "{\"type\":\"asr.final\",\"session\":\"s\",\"seq\":1,\"text\":\"" + "是".repeat(5000) + "\"}";
        assertThat(codec.decodeRuntime(big)).isInstanceOfSatisfying(Decoded.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE));
    }

    @Test
    void helloNeverPrintsItsToken() {
        assertThat(new RuntimeFrame.Hello("rt", "s3cr3t", 1, List.of(), 1).toString()).doesNotContain("s3cr3t");
        assertThat(APPLICANT.toString()).doesNotContain("张伟").doesNotContain("110101199003071234").contains("1234");
    }
}
