package org.finassist.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.core.fake.Script;
import org.finassist.server.support.Http;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finassist.server.support.FakeUpstreams.DS;

/**
 * Customers (the chat, kb-read API keys) search only knowledge bases published to them; kb-admin sees every one
 * and publishes with {@code PUT /api/kb/{id}/published}.
 */
class KbAudienceIT extends SecuredServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpResponse<String> put(String path, String body, String authorization) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> listed(String authorization) throws Exception {
        var r = Http.get(base() + "/api/kb", "Authorization", authorization);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).findValuesAsText("id");
    }

    @Test
    void anUnpublishedKnowledgeBaseExistsOnlyForKbAdmins() throws Exception {
        Identities ids = Identities.create(base(), "-audience");
        String kbAdmin = ids.headers(Grantee.KB_ADMIN)[1];
        String kbRead = ids.headers(Grantee.KEY_KB_READ)[1];
        String customer = ids.headers(Grantee.CUSTOMER)[1];
        var created = Http.postJson(base() + "/api/kb", JSON.writeValueAsString(Map.of("id", "internal-manual",
                "name", "内部手册")), "Authorization", kbAdmin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        assertThat(listed(kbAdmin)).contains("internal-manual");
        assertThat(listed(kbRead)).doesNotContain("internal-manual");
        String search = JSON.writeValueAsString(Map.of("query", "开户"));
        assertThat(Http.postJson(base() + "/api/kb/internal-manual/search", search, "Authorization", kbRead)
                .statusCode()).isEqualTo(404);
        assertThat(Http.postJson(base() + "/api/kb/internal-manual/search", search, "Authorization", kbAdmin)
                .statusCode()).isEqualTo(200);
        String ask = JSON.writeValueAsString(Map.of("message", "开户要带什么", "knowledgeBases", List.of("internal-manual")));
        var refused = Http.postJson(base() + "/api/chat", ask, "Authorization", customer);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("code").asText()).isEqualTo("unknown_knowledge_base");
        assertThat(problem.path("message").asText()).isEqualTo("没有找到您要查询的知识库。");

        assertThat(put("/api/kb/internal-manual/published", "{\"published\":true}", customer).statusCode())
                .isEqualTo(403);
        var published = put("/api/kb/internal-manual/published", "{\"published\":true}", kbAdmin);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(listed(kbRead)).contains("internal-manual");
        DS.reset();
        DS.always(Script.ok("好的"));
        assertThat(Http.postJson(base() + "/api/chat", ask, "Authorization", customer).statusCode()).isEqualTo(200);
        assertThat(put("/api/kb/nope/published", "{\"published\":true}", kbAdmin).statusCode()).isEqualTo(404);
    }
}
