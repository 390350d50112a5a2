package org.finassist.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.server.support.Http;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One signed-in caller per column of the README's access table, made through the server's own APIs: the bootstrap
 * admin (its password set by the test), an operator account per role, an API key per scope, an anonymous customer.
 * {@link #headers(Grantee)} gives the Authorization header to send (none for anonymous).
 */
final class Identities {

    static final String ADMIN_PASSWORD = "Test-Admin-Password-16";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Grantee, String> authorization = new LinkedHashMap<>();

    private Identities() {
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String customerToken(String base) throws Exception {
        HttpResponse<String> r = Http.postJson(base + "/api/widget/token", "");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("token").asText();
    }

    static Identities create(String base, String suffix) throws Exception {
        Identities ids = new Identities();
        String admin = basic("admin", ADMIN_PASSWORD);
        for (Grantee g : Grantee.values()) {
            if (g.isOperatorRole()) {
                String user = "op-" + g.wireName() + suffix;
                HttpResponse<String> r = Http.postJson(base + "/admin/operators",
                        JSON.writeValueAsString(Map.of("username", user, "roles", List.of(g.wireName()))),
                        "Authorization", admin);
                JsonNode body = json(r, 201);
                ids.authorization.put(g, basic(user, body.path("password").asText()));
            } else if (g.isKeyScope()) {
                HttpResponse<String> r = Http.postJson(base + "/admin/api-keys",
                        JSON.writeValueAsString(Map.of("name", "key-" + g.wireName() + suffix,
                                "scopes", List.of(g.wireName()))), "Authorization", admin);
                ids.authorization.put(g, "Bearer " + json(r, 201).path("key").asText());
            } else if (g == Grantee.CUSTOMER) {
                ids.authorization.put(g, "Bearer " + customerToken(base));
            }
        }
        return ids;
    }

    /** Header name/value pairs for {@link org.finassist.server.support.Http}; empty for anonymous. */
    String[] headers(Grantee g) {
        String a = authorization.get(g);
        return a == null ? new String[0] : new String[]{"Authorization", a};
    }

    private static JsonNode json(HttpResponse<String> r, int expected) throws Exception {
        if (r.statusCode() != expected) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
