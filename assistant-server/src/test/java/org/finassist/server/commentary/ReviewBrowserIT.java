package org.finassist.server.commentary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.content.commentary.ArticleType;
import org.finassist.server.support.FakeUpstreams;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review-queue page in Debian's Chromium, driven by npm playwright-core ({@code src/test/node/browser/review.mjs}):
 * a content-ops reviewer approves one article (published through the export hook), is stopped from rejecting without
 * a reason, rejects another with one, and finds both under their new states. Screenshots in
 * {@code target/browser-artifacts/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewBrowserIT {

    private static final Path DIR = Path.of("src/test/node/browser");
    private static final Path ARTIFACTS = Path.of("target/browser-artifacts").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path exportDir;

    @LocalServerPort
    int port;

    @Autowired
    CommentaryJobs jobs;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) throws Exception {
        FakeUpstreams.register(r);
        exportDir = Files.createTempDirectory("published");
        r.add("finassist.content.model-narrative", () -> "false");
        r.add("finassist.content.review.publish", () -> "export");
        r.add("finassist.content.review.export-dir", exportDir::toString);
    }

    @Test
    void aReviewerApprovesAndRejectsOnThePage() throws Exception {
        boolean installed = Files.isDirectory(DIR.resolve("node_modules/playwright-core"))
                && Files.isExecutable(Path.of("/usr/bin/chromium"));
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("playwright-core in " + DIR + " or /usr/bin/chromium missing (scripts/test.sh installs them)");
        }
        Assumptions.assumeTrue(installed, "playwright-core or /usr/bin/chromium not installed; run scripts/test.sh");
        RunView run = jobs.start(null, "csi300", EnumSet.of(ArticleType.MARKET, ArticleType.STRATEGY));
        long deadline = System.currentTimeMillis() + 120_000;
        while (!jobs.get(run.id()).orElseThrow().finished() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(jobs.get(run.id()).orElseThrow().done()).isEqualTo(2);

        JsonNode r = browse();
        assertThat(r.path("error").isMissingNode()).as(r.toString()).isTrue();
        assertThat(r.path("consoleErrors")).isEmpty();
        assertThat(r.path("foreignRequests")).isEmpty();
        assertThat(r.path("dialogs")).isEmpty();
        assertThat(r.path("pendingTab").asText()).isEqualTo("pending (2)");
        assertThat(r.path("pendingRows").asInt()).isEqualTo(2);
        assertThat(r.path("previewText").asText()).contains("模拟");
        assertThat(r.path("approveNote").asText()).contains(r.path("approvedId").asText(), "approved, published");
        assertThat(r.path("pendingRowsAfter").asInt()).isEqualTo(1);
        assertThat(r.path("noReasonNote").asText()).contains("needs a reason");
        assertThat(r.path("rejectNote").asText()).contains("rejected");
        assertThat(r.path("approvedRow").asText()).contains("ops-browser", "yes");
        assertThat(r.path("rejectedDetail").asText()).contains("rejected", "数据日期与标题不一致");
        assertThat(r.path("decideHidden").asBoolean()).isTrue();

        String approved = r.path("approvedId").asText();
        Path md = exportDir.resolve(approved.split("/")[2]).resolve(approved.replace('/', '_') + ".md");
        assertThat(md).exists();
        assertThat(Files.readString(md)).contains("模拟");
        String rejected = r.path("rejectedId").asText();
        assertThat(exportDir.resolve(rejected.split("/")[2]).resolve(rejected.replace('/', '_') + ".md")).doesNotExist();
    }

    private JsonNode browse() throws Exception {
        Files.createDirectories(ARTIFACTS);
        Path log = ARTIFACTS.resolve("review.out");
        Process p = new ProcessBuilder("node", "review.mjs", "http://127.0.0.1:" + port, ARTIFACTS.toString())
                .directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("review page test timed out: " + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        return JSON.readTree(out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("{}"));
    }
}
