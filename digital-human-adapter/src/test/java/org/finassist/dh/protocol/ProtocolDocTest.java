package org.finassist.dh.protocol;

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

    private static Path doc() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/protocol.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docs/protocol.md above the module").isNotNull();
        return dir.resolve("docs/protocol.md");
    }
}
