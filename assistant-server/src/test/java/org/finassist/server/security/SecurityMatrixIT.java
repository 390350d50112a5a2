package org.finassist.server.security;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's role × endpoint table, every cell, over HTTP against the running server in its production
 * security configuration (no loopback trust): a ✓ must not answer 401/403, a · must answer 401 to an anonymous
 * caller and 403 to a signed-in one. Request bodies are malformed on purpose, so an allowed call fails validation
 * (400/404/415) instead of changing anything.
 */
class SecurityMatrixIT extends SecuredServer {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyCellOfTheReadmeTableHoldsOverHttp() throws Exception {
        String base = base();
        ReadmeAccessTable table = ReadmeAccessTable.read();
        assertThat(table.columns()).containsExactly(Grantee.values());
        assertThat(table.rows()).hasSizeGreaterThanOrEqualTo(50);
        Identities ids = Identities.create(base, "");

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (ReadmeAccessTable.Row row : table.rows()) {
            for (Grantee who : table.columns()) {
                int status = send(base, row.method(), row.samplePath(), ids.headers(who));
                boolean allowed = row.cells().get(who);
                boolean ok = allowed ? status != 401 && status != 403
                        : status == (who == Grantee.ANONYMOUS ? 401 : 403);
                cells++;
                if (!ok) {
                    wrong.add(row.method() + " " + row.template() + " as " + who.column() + ": " + status
                            + (allowed ? " (should be served)" : " (should be refused)"));
                }
            }
        }
        assertThat(cells).isEqualTo(table.rows().size() * Grantee.values().length);
        assertThat(wrong).isEmpty();
    }

    /**
     * Every endpoint Spring MVC maps has a grant in {@link AccessRules} and a row in the README table; an endpoint
     * added without them (it would answer 401/403 to everyone) fails here, naming it.
     */
    @Test
    void everyMappedEndpointHasARuleAndAReadmeRow() throws Exception {
        ReadmeAccessTable table = ReadmeAccessTable.read();
        java.util.Set<String> documented = new java.util.HashSet<>();
        table.rows().forEach(r -> documented.add(r.method() + " " + r.template().replaceAll("\\{[^}]+}", "{}")));
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue;
                }
                for (var m : methods.isEmpty() ? java.util.Set.of(org.springframework.web.bind.annotation.RequestMethod.GET)
                        : methods) {
                    String sample = pattern.replaceAll("\\{[^}]+}", "999999");
                    boolean ruled = AccessRules.RULES.stream().anyMatch(r -> (r.method() == null
                            || r.method().name().equals(m.name())) && org.springframework.web.util.pattern.PathPatternParser
                            .defaultInstance.parse(r.pattern()).matches(org.springframework.http.server.PathContainer
                                    .parsePath(sample)));
                    if (!ruled) {
                        missing.add("no rule: " + m + " " + pattern);
                    }
                    if (!documented.contains(m + " " + pattern.replaceAll("\\{[^}]+}", "{}"))) {
                        missing.add("no README row: " + m + " " + pattern);
                    }
                }
            }
        });
        assertThat(missing).isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    private static int send(String base, String method, String path, String[] headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (headers.length == 2) {
            b.header(headers[0], headers[1]);
        }
        if ("GET".equals(method) || "DELETE".equals(method)) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{"));
        }
        // streams (the witness console feed) never end: the status is all this test needs
        HttpResponse<InputStream> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        r.body().close();
        return r.statusCode();
    }
}
