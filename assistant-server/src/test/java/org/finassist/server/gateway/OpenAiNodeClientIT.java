package org.finassist.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.core.fake.Script;
import org.finassist.server.support.FakeUpstreams;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finassist.server.support.FakeUpstreams.DS;

/** The official openai npm client (a client nobody here wrote) against the gateway. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenAiNodeClientIT {

    private static final Path DIR = Path.of("src/test/node/openai-client");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry r) {
        FakeUpstreams.register(r);
    }

    @Test
    void officialClientHandlesPlainStreamingAndErrors() throws Exception {
        boolean installed = Files.isDirectory(DIR.resolve("node_modules/openai"));
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("npm package 'openai' is not installed in " + DIR + " (scripts/test.sh installs it)");
        }
        Assumptions.assumeTrue(installed, "openai npm package not installed in " + DIR + "; run scripts/test.sh");
        DS.reset();
        DS.always(Script.ok("A股交易时间为9:30-15:00。").withReasoning("思考", 2).withUsage(40, 12, 16));

        Process p = new ProcessBuilder("node", "client-test.mjs", "http://127.0.0.1:" + port + "/v1")
                .directory(DIR.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        JsonNode r = new ObjectMapper().readTree(out.lines().reduce((a, b) -> b).orElseThrow());

        assertThat(r.path("plain").path("content").asText()).isEqualTo("A股交易时间为9:30-15:00。");
        assertThat(r.path("plain").path("reasoning").asText()).isEqualTo("思考");
        assertThat(r.path("plain").path("cached").asInt()).isEqualTo(16);
        assertThat(r.path("stream").path("content").asText()).isEqualTo("A股交易时间为9:30-15:00。");
        assertThat(r.path("stream").path("completionTokens").asInt()).isEqualTo(12);
        assertThat(r.path("error").path("thrown").asBoolean()).isTrue();
        assertThat(r.path("error").path("isApiError").asBoolean()).isTrue();
        assertThat(r.path("error").path("status").asInt()).isEqualTo(404);
        assertThat(r.path("error").path("code").asText()).isEqualTo("model_not_found");
    }
}
