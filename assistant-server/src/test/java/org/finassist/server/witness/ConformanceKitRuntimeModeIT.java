package org.finassist.server.witness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vendors' conformance kit in runtime mode ({@code scripts/witness-conformance.sh runtime 0}) against the Node
 * example runtime (src/test/node/witness-runtime/runtime.mjs): the well-behaved runtime passes every check (drop,
 * reconnect, rejoin, resend, heartbeat), and the same runtime sending its probe frames fails, so the kit can fail.
 * No server is involved: the kit plays the server.
 */
class ConformanceKitRuntimeModeIT {

    private static final Path KIT_DIR = Path.of("src/test/node/witness-runtime");
    private static final Path SCRIPT = Path.of("..", "scripts", "witness-conformance.sh");
    private static final Pattern LISTENING = Pattern.compile("listening on ws://0\\.0\\.0\\.0:(\\d+)/ws/runtime");

    @BeforeAll
    static void nodeAndWsInstalled() {
        boolean installed = Files.isDirectory(KIT_DIR.resolve("node_modules/ws"));
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("npm package 'ws' is not installed in " + KIT_DIR + " (scripts/test.sh installs it)");
        }
        Assumptions.assumeTrue(installed, "npm package 'ws' not installed in " + KIT_DIR + "; run scripts/test.sh");
    }

    @Test
    void theExampleRuntimePassesEveryRuntimeCheck() throws Exception {
        Run run = run("--no-probes");
        assertThat(run.kitExit()).as(run.kitOutput()).isZero();
        assertThat(run.kitOutput()).doesNotContain("FAIL");
        assertThat(run.kitOutput().lines().filter(l -> l.startsWith("PASS")).toList()).as(run.kitOutput())
                .hasSize(8)
                .anyMatch(l -> l.contains("resent with the same seq and text"))
                .anyMatch(l -> l.contains("reconnected and rejoined"))
                .anyMatch(l -> l.contains("heartbeat sent"));
        JsonNode result = new ObjectMapper().readTree(run.runtimeOutput().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(result.path("outcome").asText()).isEqualTo("passed");
        assertThat(result.path("connections").asInt()).isEqualTo(2);
    }

    @Test
    void aRuntimeSendingBinaryAndNonJsonFramesFails() throws Exception {
        Run run = run(null);
        assertThat(run.kitExit()).as(run.kitOutput()).isNotZero();
        assertThat(run.kitOutput()).contains("FAIL  connection #1: only text frames")
                .contains("FAIL  connection #1: every frame is JSON");
    }

    private record Run(int kitExit, String kitOutput, String runtimeOutput) {
    }

    private static Run run(String runtimeFlag) throws Exception {
        Process kit = new ProcessBuilder("bash", SCRIPT.toString(), "runtime", "0").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(kit.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String port = null;
            for (String line; port == null && (line = out.readLine()) != null; ) {
                lines.add(line);
                Matcher m = LISTENING.matcher(line);
                port = m.find() ? m.group(1) : null;
            }
            assertThat(port).as("kit output " + lines).isNotNull();
            CompletableFuture<List<String>> rest = CompletableFuture.supplyAsync(() -> out.lines().toList());
            List<String> command = new ArrayList<>(List.of("node", "runtime.mjs", "ws://127.0.0.1:" + port + "/ws/runtime",
                    "rt-conformance", "token", "conformance-session"));
            if (runtimeFlag != null) {
                command.add(runtimeFlag);
            }
            Process runtime = new ProcessBuilder(command).directory(KIT_DIR.toFile()).redirectErrorStream(true).start();
            assertThat(kit.waitFor(150, TimeUnit.SECONDS)).as("kit finished").isTrue();
            lines.addAll(rest.get(10, TimeUnit.SECONDS));
            if (!runtime.waitFor(40, TimeUnit.SECONDS)) {
                runtime.destroyForcibly();
            }
            return new Run(kit.exitValue(), String.join("\n", lines), read(runtime));
        } finally {
            kit.destroyForcibly();
        }
    }

    private static String read(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
