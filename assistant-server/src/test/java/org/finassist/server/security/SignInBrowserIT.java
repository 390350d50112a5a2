package org.finassist.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.core.fake.Script;
import org.finassist.server.support.Http;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finassist.server.support.FakeUpstreams.DS;

/**
 * The operator pages and the widget in Chromium with the production sign-in (no loopback trust): an operator signs in
 * through the form (a wrong password first), creates a key on /manage (cookie session + CSRF), reads /ops and the
 * witness console in the same session, runs an uploaded question set on the answer-evaluation page; an operator
 * with the admin role only is told which role the knowledge-base and feedback sections need; a customer's widget
 * gets its anonymous token and is answered.
 */
class SignInBrowserIT extends SecuredServer {

    private static final Path DIR = Path.of("src/test/node/browser");
    private static final Path ARTIFACTS = Path.of("target/browser-artifacts").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void operatorPagesAndTheWidgetWorkWithTheRealSignIn() throws Exception {
        boolean installed = Files.isDirectory(DIR.resolve("node_modules/playwright-core"))
                && Files.isExecutable(Path.of("/usr/bin/chromium"));
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("playwright-core or /usr/bin/chromium missing (scripts/test.sh installs them)");
        }
        Assumptions.assumeTrue(installed, "playwright-core or /usr/bin/chromium not installed; run scripts/test.sh");
        DS.reset();
        DS.always(Script.ok("A股的交易时间为交易日9:30至11:30、13:00至15:00。"));
        var created = Http.postJson(base() + "/admin/operators", JSON.writeValueAsString(Map.of(
                "username", "browser-operator", "roles", List.of("admin", "kb-admin", "ops-viewer", "supervisor"))),
                "Authorization", Identities.basic("admin", Identities.ADMIN_PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String password = JSON.readTree(created.body()).path("password").asText();

        var limited = Http.postJson(base() + "/admin/operators", JSON.writeValueAsString(Map.of(
                "username", "browser-admin-only", "roles", List.of("admin"))),
                "Authorization", Identities.basic("admin", Identities.ADMIN_PASSWORD));
        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(201);
        String limitedPassword = JSON.readTree(limited.body()).path("password").asText();

        JsonNode r = run("browser-operator", password, "browser-admin-only", limitedPassword);

        assertThat(r.path("error").isMissingNode()).as(r.toString()).isTrue();
        assertThat(r.path("redirectedTo").asText()).isEqualTo("/login");
        assertThat(r.path("afterWrongPassword").asText()).startsWith("/login").contains("error");
        assertThat(r.path("afterSignIn").asText()).startsWith("/manage");
        assertThat(r.path("keyCreated").asBoolean()).isTrue();
        assertThat(r.path("statuses").path("POST /admin/api-keys").asInt()).isEqualTo(201);
        assertThat(r.path("evalRun").asText()).endsWith("(done)");
        assertThat(r.path("evalProgress").asText()).startsWith("2 / 2");
        assertThat(r.path("evalFigures")).hasSize(6);
        assertThat(r.path("evalFigures").get(0).asText()).matches("\\d+ \\(\\d+\\.\\d%\\)");
        // an admin without kb-admin sees why the knowledge-base and feedback tables are empty, and its own keys
        assertThat(r.path("limitedKbNotice").asText()).contains("kb-admin");
        assertThat(r.path("limitedFeedbackNotice").asText()).contains("kb-admin");
        assertThat(r.path("limitedKeysDenied").asInt()).isZero();
        assertThat(r.path("opsShown").asBoolean()).isTrue();
        assertThat(r.path("consoleShown").asBoolean()).isTrue();
        assertThat(r.path("statuses").path("GET /api/witness/stream").asInt()).isEqualTo(200);
        assertThat(r.path("statuses").path("POST /api/widget/token").asInt()).isEqualTo(200);
        assertThat(r.path("statuses").path("POST /api/chat").asInt()).isEqualTo(200);
        assertThat(r.path("widgetAnswer").asText()).isNotBlank();
        assertThat(r.path("failed")).as(r.toString()).isEmpty();
        // every response of the pages is checked above ("failed"); Chromium's own favicon probe is not a page request
        List<String> errors = new java.util.ArrayList<>();
        r.path("consoleErrors").forEach(e -> errors.add(e.asText()));
        assertThat(errors).as(r.toString()).allMatch(e -> e.startsWith("Failed to load resource"));
    }

    private JsonNode run(String... credentials) throws Exception {
        Files.createDirectories(ARTIFACTS);
        Path log = ARTIFACTS.resolve("signin.out");
        Process p = new ProcessBuilder(command(credentials))
                .directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("sign-in browser run timed out: " + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        return JSON.readTree(out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("{}"));
    }

    private List<String> command(String... credentials) {
        List<String> command = new java.util.ArrayList<>(List.of("node", "signin.mjs", base(), ARTIFACTS.toString()));
        command.addAll(List.of(credentials));
        return command;
    }
}
