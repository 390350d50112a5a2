package org.finassist.server.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.finassist.rag.KnowledgeIndex;
import org.finassist.rag.ingest.SourceFile;
import org.finassist.server.FinAssistApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code finassist.rag.reranker.*} against a scripted Cohere-style rerank endpoint on loopback: the retrieval test
 * shows the reranker's order and scores, personal data is masked before it leaves, and a failing reranker leaves the
 * fused order.
 */
@SpringBootTest(classes = FinAssistApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KbRerankerTest {

    @TempDir
    static Path dir;

    static final List<String> requests = new CopyOnWriteArrayList<>();
    /** HTTP status the fake answers with; 200 scores each document by whether it mentions 信用账户. */
    static final AtomicInteger status = new AtomicInteger(200);
    static final HttpServer reranker = start();

    private static HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.createContext("/v1/rerank", ex -> {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(body);
                StringBuilder out = new StringBuilder("{\"results\":[");
                JsonNode docs = new ObjectMapper().readTree(body).get("documents");
                for (int i = 0; i < docs.size(); i++) {
                    double score = docs.get(i).asText().contains("信用账户") ? 0.97 : 0.05;
                    out.append(i == 0 ? "" : ",").append("{\"index\":").append(i).append(",\"relevance_score\":")
                            .append(score).append('}');
                }
                byte[] bytes = (status.get() == 200 ? out + "]}" : "{\"error\":\"overloaded\"}")
                        .getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(status.get(), bytes.length);
                ex.getResponseBody().write(bytes);
                ex.close();
            });
            s.start();
            return s;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("finassist.data-dir", () -> dir.toString());
        r.add("spring.datasource.url", () -> "jdbc:h2:mem:kbrerank;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        r.add("finassist.rag.index-dir", () -> dir.resolve("kb-index").toString());
        r.add("finassist.rag.demo", () -> "false");
        r.add("finassist.rag.reranker.url",
                () -> "http://127.0.0.1:" + reranker.getAddress().getPort() + "/v1/rerank");
        r.add("finassist.rag.reranker.model", () -> "bge-reranker-v2-m3");
    }

    @AfterAll
    static void stop() {
        reranker.stop(0);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    KnowledgeIndex index;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry registry;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode post(String path, Object body, int expected) throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(path + " -> " + res.body()).isEqualTo(expected);
        return json.readTree(res.body());
    }

    private List<String> docIds(JsonNode search) {
        return search.get("passages").findValuesAsText("docId");
    }

    @Test
    void theRetrievalTestShowsTheRerankersOrderMaskedQuestionsAndSurvivesItsFailure() throws Exception {
        post("/api/kb", Map.of("id", "rr"), 201);
        index.ingest("rr", List.of(
                SourceFile.of("rates.md", "# 两融利率\n\n融资融券的融资利率为年化6.5%，融资融券按日计息。"
                        .getBytes(StandardCharsets.UTF_8)),
                SourceFile.of("open.md", "# 两融开户\n\n开通融资融券要先开立信用账户，信用账户要求资产满50万元。"
                        .getBytes(StandardCharsets.UTF_8))));

        status.set(200);
        JsonNode reranked = post("/api/kb/rr/search", Map.of("query", "融资融券的利率是多少"), 200);
        assertThat(docIds(reranked).getFirst()).isEqualTo("open.md");
        assertThat(reranked.get("passages").get(0).get("rerankScore").asDouble()).isEqualTo(0.97);
        assertThat(reranked.get("passages").get(0).get("legs").toString()).contains("KEYWORD");

        post("/api/kb/rr/search", Map.of("query", "我的身份证110101199003071234能开两融吗"), 200);
        assertThat(requests.getLast()).doesNotContain("110101199003071234").contains("bge-reranker-v2-m3");

        status.set(503);
        JsonNode fused = post("/api/kb/rr/search", Map.of("query", "融资融券的利率是多少"), 200);
        assertThat(fused.get("result").asText()).isEqualTo("FOUND");
        assertThat(docIds(fused).getFirst()).isEqualTo("rates.md");
        assertThat(fused.get("passages").get(0).path("rerankScore").isNumber()).isFalse();
        assertThat(registry.get("finassist.rag.reranker.calls").functionCounter().count()).isEqualTo(3);
        assertThat(registry.get("finassist.rag.reranker.fallbacks").functionCounter().count()).isEqualTo(1);
    }
}
