package org.finassist.server.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.server.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The production knowledge store through the API: PostgreSQL with pgvector (schema kb_test), BM25 keyword leg. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KbPgVectorIT {

    private static final String SCHEMA = "kb_test";

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) throws Exception {
        TestPostgres.resetSchemaOrSkip(SCHEMA);
        String dir = Files.createTempDirectory("kb-pg-it").toString();
        r.add("finassist.data-dir", () -> dir);
        r.add("finassist.rag.index-dir", () -> dir + "/kb-index");
        r.add("finassist.rag.demo", () -> "false");
        r.add("finassist.rag.store", () -> "pgvector");
        r.add("finassist.rag.pg-schema", () -> SCHEMA);
        r.add("spring.datasource.url", () -> TestPostgres.url(SCHEMA + ",public"));
        r.add("spring.datasource.username", TestPostgres::user);
        r.add("spring.flyway.schemas", () -> SCHEMA);
        r.add("spring.flyway.default-schema", () -> SCHEMA);
    }

    private JsonNode call(String method, String path, HttpRequest.BodyPublisher body, String type, int status)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(2)).method(method, body);
        if (type != null) b.header("Content-Type", type);
        HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(method + " " + path + " -> " + res.body()).isEqualTo(status);
        return res.body().isEmpty() ? json.nullNode() : json.readTree(res.body());
    }

    private JsonNode post(String path, Object body, int status) throws Exception {
        return call("POST", path, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)),
                "application/json", status);
    }

    private JsonNode upload(String path, String name, String text) throws Exception {
        String boundary = "pgkb";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        return call("POST", path, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8),
                "multipart/form-data; boundary=" + boundary, 200);
    }

    @Test
    void knowledgeBaseLifecycleOnPgvector() throws Exception {
        post("/api/kb", Map.of("id", "pg1", "name", "PG库"), 201);
        assertThat(upload("/api/kb/pg1/documents?wait=true", "margin.md",
                "# 两融\n## 维持担保比例\n融资融券的维持担保比例低于130%时需追加担保物。\n## 利率\n融资年利率为6.5%。")
                .findValuesAsText("status")).containsExactly("INDEXED");
        assertThat(upload("/api/kb/pg1/documents?wait=true", "faq.csv",
                "question,answer\n如何重置交易密码？,在登录页点击忘记密码。\n").findValuesAsText("status"))
                .containsExactly("INDEXED");

        JsonNode found = post("/api/kb/pg1/search", Map.of("query", "融券的担保比例要求"), 200);
        assertThat(found.get("result").asText()).isEqualTo("FOUND");
        assertThat(found.get("passages").get(0).get("headingPath").asText()).isEqualTo("两融 > 维持担保比例");
        assertThat(found.get("passages").get(0).get("legs").toString()).contains("KEYWORD", "VECTOR");
        assertThat(post("/api/kb/pg1/search", Map.of("query", "如何重置交易密码？"), 200).get("result").asText())
                .isEqualTo("FAQ");

        JsonNode job = call("POST", "/api/kb/pg1/reindex", HttpRequest.BodyPublishers.noBody(), null, 202);
        for (int i = 0; i < 600 && !"DONE".equals(job.get("state").asText()); i++) {
            Thread.sleep(100);
            job = call("GET", "/api/kb/jobs/" + job.get("jobId").asText(), HttpRequest.BodyPublishers.noBody(), null, 200);
        }
        assertThat(job.get("results").findValuesAsText("status")).containsExactly("INDEXED", "INDEXED");

        call("DELETE", "/api/kb/pg1/documents/margin.md", HttpRequest.BodyPublishers.noBody(), null, 204);
        assertThat(post("/api/kb/pg1/search", Map.of("query", "维持担保比例"), 200).toString())
                .doesNotContain("margin.md");
    }
}
