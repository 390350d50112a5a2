package org.finassist.dh.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every JSON example in docs/protocol.md decodes, and every frame type has one. */
class ProtocolDocTest {

    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL);

    @Test
    void everyFrameTypeHasAValidExample() throws IOException {
        FrameCodec codec = FrameCodec.json(65536);
        Set<Class<?>> covered = new HashSet<>();
        Matcher m = JSON_BLOCK.matcher(Files.readString(doc()));
        int examples = 0;
        while (m.find()) {
            examples++;
            String json = m.group(1);
            if (codec.decodeRuntime(json) instanceof FrameCodec.Decoded.Ok<RuntimeFrame>(RuntimeFrame frame)) {
                covered.add(frame.getClass());
            } else if (codec.decodeServer(json) instanceof FrameCodec.Decoded.Ok<ServerFrame>(ServerFrame frame)) {
                covered.add(frame.getClass());
            } else {
                throw new AssertionError("example does not decode: " + json);
            }
        }
        assertThat(examples).isGreaterThanOrEqualTo(19);
        assertThat(covered).containsAll(List.of(RuntimeFrame.class.getPermittedSubclasses()))
                .containsAll(List.of(ServerFrame.class.getPermittedSubclasses()));
    }

    /**
     * The server writes exactly what the document shows: each server-frame example decodes and encodes back to
     * the same JSON (so no "null" string, no null refType, optional fields left out as documented).
     */
    @Test
    void theServerWritesEachServerFrameExampleExactlyAsDocumented() throws IOException {
        FrameCodec codec = FrameCodec.json(65536);
        ObjectMapper json = new ObjectMapper();
        int serverExamples = 0;
        for (String example : examples()) {
            JsonNode documented = json.readTree(example);
            assertThat(documented.toString()).as("no example sends a null or a \"null\" string")
                    .doesNotContain(":null").doesNotContain("\"null\"");
            if (codec.decodeServer(example) instanceof FrameCodec.Decoded.Ok<ServerFrame>(ServerFrame frame)) {
                serverExamples++;
                assertThat(json.readTree(codec.encodeServer(frame))).as(example).isEqualTo(documented);
                if (frame instanceof ServerFrame.Error e) {
                    assertThat(e.refType()).isNotBlank();
                }
            }
        }
        assertThat(serverExamples).isGreaterThanOrEqualTo(11);
    }

    /** Fields the document does not mark required may be left out (issue 18: partial seq, heartbeat ts). */
    @Test
    void minimalExamplesOfOptionalFieldsDecode() throws IOException {
        FrameCodec codec = FrameCodec.json(65536);
        List<RuntimeFrame> minimal = examples().stream().map(codec::decodeRuntime)
                .filter(d -> d instanceof FrameCodec.Decoded.Ok<RuntimeFrame>)
                .map(d -> ((FrameCodec.Decoded.Ok<RuntimeFrame>) d).frame()).toList();
        assertThat(minimal).contains(new RuntimeFrame.Heartbeat(-1), new RuntimeFrame.AsrPartial(
                "wit-20261124-0001", -1, "是的我"));
        assertThat(minimal).anySatisfy(f -> assertThat(f).isInstanceOfSatisfying(RuntimeFrame.SessionJoin.class,
                j -> assertThat(j.seqReset()).isTrue()));
    }

    private static List<String> examples() throws IOException {
        Matcher m = JSON_BLOCK.matcher(Files.readString(doc()));
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Path doc() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/protocol.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docs/protocol.md above the module").isNotNull();
        return dir.resolve("docs/protocol.md");
    }
}
