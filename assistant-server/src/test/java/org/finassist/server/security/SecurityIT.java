package org.finassist.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.server.support.Http;
import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production security configuration over real HTTP: path-normalisation tricks on every protected prefix (sent
 * byte for byte), forwarded-header spoofing, forged customer tokens, the operator sign-in with CSRF, hardening
 * headers and what the public may see of health.
 */
class SecurityIT extends SecuredServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One protected path per prefix, split as prefix + rest so tricks can be put between. */
    private static final List<String[]> PROTECTED = List.of(
            new String[]{"/admin", "/api-keys"}, new String[]{"/admin", "/operators"},
            new String[]{"/api", "/kb"}, new String[]{"/api", "/chat/feedback"},
            new String[]{"/api", "/ops/summary"}, new String[]{"/api", "/witness/sessions"},
            new String[]{"/api", "/commentary/jobs"}, new String[]{"/api", "/commentary/articles"},
            new String[]{"/v1", "/models"}, new String[]{"/actuator", "/prometheus"},
            new String[]{"/actuator", "/metrics"}, new String[]{"/manage", "/index.html"},
            new String[]{"/ops", "/index.html"}, new String[]{"/witness", "/console"});

    static List<String> variants(String prefix, String rest) {
        String p = prefix.substring(1);
        String first = "%" + Integer.toHexString(p.charAt(0)) + p.substring(1);
        return List.of(prefix + rest, prefix + ";" + rest, prefix + ";jsessionid=x" + rest, prefix + rest + ";x",
                "/" + first + rest, "/" + first.toUpperCase() + rest, prefix + "/." + rest, prefix + "/%2e" + rest,
                "/x/.." + prefix + rest, "/x/%2e%2e" + prefix + rest, "/%2e%2e" + prefix + rest, "/" + prefix + rest,
                prefix + "/" + rest, prefix + "%2f" + rest.substring(1), prefix + "%2F" + rest.substring(1),
                prefix + "%5c" + rest.substring(1), prefix + "\\" + rest.substring(1), prefix + rest + "/",
                prefix + rest + "%00", prefix + rest + "%20", prefix.toUpperCase() + rest, prefix + rest + "?x=/..",
                prefix + "%252e" + rest, prefix + ";/" + rest.substring(1), prefix + "/.;" + rest);
    }

    @Test
    void pathTricksOnEveryProtectedPrefixAreRejectedOrAskForCredentials() throws Exception {
        String customer = "Authorization: Bearer " + Identities.customerToken(base());
        List<String> served = new ArrayList<>();
        int tried = 0;
        for (String[] p : PROTECTED) {
            for (String target : variants(p[0], p[1])) {
                for (String method : List.of("GET", "POST")) {
                    int anonymous = RawHttp.status("127.0.0.1", port, method, target);
                    int asCustomer = RawHttp.status("127.0.0.1", port, method, target, customer);
                    tried += 2;
                    // 400 = the firewall refused it; 401/403 = it reached the rules and was refused
                    if (!List.of(400, 401, 403).contains(anonymous)) {
                        served.add("anonymous " + method + " " + target + " -> " + anonymous);
                    }
                    if (!List.of(400, 403, 404, 405).contains(asCustomer)) {
                        served.add("customer " + method + " " + target + " -> " + asCustomer);
                    }
                }
            }
        }
        assertThat(tried).isGreaterThan(1000);
        assertThat(served).isEmpty();
        assertThat(RawHttp.status("127.0.0.1", port, "GET", "/admin;/api-keys")).isEqualTo(400);
        assertThat(RawHttp.status("127.0.0.1", port, "GET", "/%61pi/chat/feedback")).isEqualTo(401);
    }

    @Test
    void loopbackAndForwardedHeadersGrantNothing() throws Exception {
        for (String spoof : List.of("X-Forwarded-For: 127.0.0.1", "X-Real-IP: 127.0.0.1", "Forwarded: for=127.0.0.1",
                "X-Forwarded-Host: localhost")) {
            assertThat(RawHttp.status("127.0.0.1", port, "GET", "/admin/api-keys", spoof)).as(spoof).isEqualTo(401);
            assertThat(RawHttp.status("127.0.0.1", port, "POST", "/v1/chat/completions", spoof)).as(spoof)
                    .isEqualTo(401);
        }
    }

    @Test
    void customerTokensAreCheckedAndGrantOnlyTheCustomerRole() throws Exception {
        String token = Identities.customerToken(base());
        assertThat(Http.get(base() + "/api/opening/steps", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(200);
        String[] parts = token.split("\\.");
        // the same claims with "admin" scopes and roles, signed with another key: refused
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("}", ",\"scope\":\"admin kb-admin\",\"roles\":[\"ADMIN\"]}");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(Http.get(base() + "/api/opening/steps", "Authorization", "Bearer " + forged).statusCode())
                .isEqualTo(401);
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        assertThat(Http.get(base() + "/api/opening/steps", "Authorization", "Bearer " + none).statusCode())
                .isEqualTo(401);
        assertThat(Http.get(base() + "/api/kb", "Authorization", "Bearer " + token).statusCode()).isEqualTo(403);
        HttpResponse<String> gateway = Http.get(base() + "/v1/models", "Authorization", "Bearer " + token);
        assertThat(gateway.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(gateway.body()).path("error").path("type").asText()).isEqualTo("permission_error");
        HttpResponse<String> api = Http.get(base() + "/api/kb");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(api.body()).path("code").asText()).isEqualTo("unauthenticated");
        assertThat(Http.get(base() + "/v1/models", "Authorization", "Bearer fa-not-a-key").statusCode())
                .isEqualTo(401);
    }

    @Test
    void operatorsSignInWithAFormAndCookieSessionsNeedTheCsrfToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base() + "/manage"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
        String login = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as(login).isTrue();
        HttpResponse<String> signIn = browser.send(form("/login", "username=admin&password="
                + Identities.ADMIN_PASSWORD + "&_csrf=" + csrf.group(1)), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(base() + "/manage")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        String body = "{\"name\":\"from-the-page\",\"scopes\":[\"kb-read\"]}";
        HttpResponse<String> noToken = browser.send(json("/admin/api-keys", body, null),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).as("a cookie session without the CSRF token").isEqualTo(403);
        String xsrf = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        assertThat(browser.send(json("/admin/api-keys", body, xsrf), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(201);
        HttpRequest wrongPassword = HttpRequest.newBuilder(URI.create(base() + "/login")).header("X-XSRF-TOKEN", xsrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=wrong")).build();
        HttpResponse<String> wrong = browser.send(wrongPassword, HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElse("")).contains("error");
    }

    @Test
    void pagesCarryHardeningHeadersAndHealthShowsNoDetailsToThePublic() throws Exception {
        HttpResponse<String> page = Http.get(base() + "/widget/demo.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("frame-ancestors 'none'").contains("script-src 'self' 'sha256-").doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");

        JsonNode health = JSON.readTree(Http.get(base() + "/actuator/health").body());
        assertThat(health.path("status").asText()).isNotEmpty();
        assertThat(health.has("components")).isFalse();
        JsonNode detailed = JSON.readTree(Http.get(base() + "/actuator/health", "Authorization",
                Identities.basic("admin", Identities.ADMIN_PASSWORD)).body());
        assertThat(detailed.has("components")).isTrue();
        assertThat(Http.get(base() + "/actuator/prometheus").statusCode()).isEqualTo(401);
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest json(String path, String body, String xsrf) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (xsrf != null) {
            b.header("X-XSRF-TOKEN", xsrf);
        }
        return b.build();
    }

}
