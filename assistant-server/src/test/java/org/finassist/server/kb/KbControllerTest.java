package org.finassist.server.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.server.FinAssistApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The knowledge-base API end to end on the embedded default (H2, Lucene on disk, bge-small-zh). */
@SpringBootTest(classes = FinAssistApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KbControllerTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("finassist.data-dir", () -> dir.toString());
        r.add("spring.datasource.url", () -> "jdbc:h2:mem:kbtest;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        r.add("finassist.rag.index-dir", () -> dir.resolve("kb-index").toString());
        r.add("finassist.rag.demo", () -> "false");
    }

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode send(String method, String path, HttpRequest.BodyPublisher body, String contentType,
                          int expectedStatus) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(2)).method(method, body);
        if (contentType != null) b.header("Content-Type", contentType);
        HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(method + " " + path + " -> " + res.body()).isEqualTo(expectedStatus);
        return res.body().isEmpty() ? json.nullNode() : json.readTree(res.body());
    }

    private JsonNode postJson(String path, Object body, int status) throws Exception {
        return send("POST", path, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)),
                "application/json", status);
    }

    private JsonNode upload(String path, Map<String, byte[]> files, int status) throws Exception {
        String boundary = "kbtestboundary";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (var f : files.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(f.getValue());
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", path, HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()),
                "multipart/form-data; boundary=" + boundary, status);
    }

    @Test
    void knowledgeBaseLifecycleWithUploadSearchAndDelete() throws Exception {
        postJson("/api/kb", Map.of("id", "t1", "name", "测试库"), 201);
        postJson("/api/kb", Map.of("id", "t1"), 409);
        postJson("/api/kb", Map.of("id", "Bad Id!"), 400);

        JsonNode results = upload("/api/kb/t1/documents?wait=true", Map.of(
                "margin.md", "# 两融\n## 维持担保比例\n维持担保比例低于130%时需追加担保物。".getBytes(StandardCharsets.UTF_8),
                "broken.pdf", "not a pdf".getBytes(StandardCharsets.UTF_8)), 200).get("results");
        assertThat(results.findValuesAsText("status")).containsExactlyInAnyOrder("INDEXED", "FAILED");

        JsonNode found = postJson("/api/kb/t1/search", Map.of("query", "维持担保比例是多少"), 200);
        assertThat(found.get("result").asText()).isEqualTo("FOUND");
        JsonNode top = found.get("passages").get(0);
        assertThat(top.get("docId").asText()).isEqualTo("margin.md");
        assertThat(top.get("headingPath").asText()).isEqualTo("两融 > 维持担保比例");
        assertThat(top.get("legs").toString()).contains("KEYWORD").contains("VECTOR");

        assertThat(postJson("/api/kb/t1/search", Map.of("query", "维持担保比例是多少", "docTypes", java.util.List.of("faq")),
                200).get("passages")).isEmpty();
        postJson("/api/kb/t1/search", Map.of("query", "维持担保比例", "docTypes", java.util.List.of("docx")), 400);

        JsonNode kbs = send("GET", "/api/kb", HttpRequest.BodyPublishers.noBody(), null, 200);
        assertThat(kbs.findValuesAsText("id")).contains("t1");
        assertThat(send("GET", "/api/kb/t1/documents", HttpRequest.BodyPublishers.noBody(), null, 200)
                .findValuesAsText("docId")).containsExactly("margin.md");

        send("DELETE", "/api/kb/t1/documents/margin.md", HttpRequest.BodyPublishers.noBody(), null, 204);
        assertThat(postJson("/api/kb/t1/search", Map.of("query", "维持担保比例是多少"), 200).get("passages")).isEmpty();

        send("DELETE", "/api/kb/t1", HttpRequest.BodyPublishers.noBody(), null, 204);
        postJson("/api/kb/t1/search", Map.of("query", "维持担保比例"), 404);
    }

    @Test
    void uploadRunsAsAJobWithProgress() throws Exception {
        postJson("/api/kb", Map.of("id", "t2"), 201);
        JsonNode job = upload("/api/kb/t2/documents", Map.of(
                "faq.csv", "question,answer\n如何重置交易密码？,在登录页点击忘记密码。\n".getBytes(StandardCharsets.UTF_8)), 202);
        String jobId = job.get("jobId").asText();

        JsonNode state = job;
        for (int i = 0; i < 600 && !"DONE".equals(state.get("state").asText()); i++) {
            Thread.sleep(100);
            state = send("GET", "/api/kb/jobs/" + jobId, HttpRequest.BodyPublishers.noBody(), null, 200);
        }

        assertThat(state.get("state").asText()).isEqualTo("DONE");
        assertThat(state.get("results").get(0).get("status").asText()).isEqualTo("INDEXED");
        JsonNode faq = postJson("/api/kb/t2/search", Map.of("query", "如何重置交易密码？"), 200);
        assertThat(faq.get("result").asText()).isEqualTo("FAQ");
        assertThat(faq.get("passages").get(0).get("faqAnswer").asText()).isEqualTo("在登录页点击忘记密码。");
    }
}
