package org.finassist.server.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
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

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    org.finassist.rag.KnowledgeIndex index;

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
        assertThat(state.get("progress").get("fileCount").asInt()).isEqualTo(1);

        JsonNode reindex = send("POST", "/api/kb/t2/reindex", HttpRequest.BodyPublishers.noBody(), null, 202);
        for (int i = 0; i < 600 && !"DONE".equals(reindex.get("state").asText()); i++) {
            Thread.sleep(100);
            reindex = send("GET", "/api/kb/jobs/" + reindex.get("jobId").asText(), HttpRequest.BodyPublishers.noBody(), null, 200);
        }
        assertThat(reindex.get("results").findValuesAsText("status")).containsExactly("INDEXED");
        assertThat(postJson("/api/kb/t2/search", Map.of("query", "如何重置交易密码？"), 200).get("result").asText())
                .isEqualTo("FAQ");
        send("POST", "/api/kb/no-such-kb/reindex", HttpRequest.BodyPublishers.noBody(), null, 404);
        assertThat(state.get("startedAt").asText()).isNotBlank();
        JsonNode faq = postJson("/api/kb/t2/search", Map.of("query", "如何重置交易密码？"), 200);
        assertThat(faq.get("result").asText()).isEqualTo("FAQ");
        assertThat(faq.get("passages").get(0).get("faqAnswer").asText()).isEqualTo("在登录页点击忘记密码。");
    }

    @Test
    void a200MegabyteFileIsRefusedAloneWhileTheRestOfTheBatchIsIngested() throws Exception {
        postJson("/api/kb", Map.of("id", "t3"), 201);
        String boundary = "kbbigboundary";
        long big = 200L * 1024 * 1024;
        java.util.List<InputStream> parts = new java.util.ArrayList<>();
        parts.add(part(boundary, "fees.md", "# 佣金\n股票交易佣金为成交金额的万分之二点五，最低5元。".getBytes(StandardCharsets.UTF_8)));
        parts.add(head(boundary, "huge.pdf"));
        parts.add(new RepeatingStream(big));
        parts.add(new ByteArrayInputStream("\r\n".getBytes(StandardCharsets.UTF_8)));
        parts.add(part(boundary, "empty.txt", new byte[0]));
        parts.add(part(boundary, "gbk.txt", "融资融券的维持担保比例不得低于130%。".getBytes("GBK")));
        parts.add(new ByteArrayInputStream(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)));
        JsonNode results = send("POST", "/api/kb/t3/documents?wait=true",
                HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(java.util.Collections.enumeration(parts))),
                "multipart/form-data; boundary=" + boundary, 200).get("results");

        Map<String, JsonNode> byName = new java.util.HashMap<>();
        results.forEach(r -> byName.put(r.get("file").asText(), r));
        assertThat(byName).containsOnlyKeys("fees.md", "huge.pdf", "empty.txt", "gbk.txt");
        assertThat(byName.get("fees.md").get("status").asText()).isEqualTo("INDEXED");
        assertThat(byName.get("gbk.txt").get("status").asText()).isEqualTo("INDEXED");
        assertThat(byName.get("huge.pdf").get("status").asText()).isEqualTo("FAILED");
        assertThat(byName.get("huge.pdf").get("error").asText()).contains("too large").contains(Long.toString(big));
        assertThat(byName.get("empty.txt").get("error").asText()).contains("empty");
        assertThat(send("GET", "/api/kb/t3/documents", HttpRequest.BodyPublishers.noBody(), null, 200)
                .findValuesAsText("docId")).containsExactlyInAnyOrder("fees.md", "gbk.txt");
        assertThat(postJson("/api/kb/t3/search", Map.of("query", "维持担保比例"), 200).get("passages").get(0)
                .get("docId").asText()).isEqualTo("gbk.txt");
    }

    @Test
    void aJobCutOffByAStopIsShownAsInterruptedAfterTheNextStart() throws Exception {
        IngestJobStore store = new IngestJobStore(jdbc, "node-restarted");
        store.create("00000000-0000-0000-0000-00000000cafe", "t9", 3);
        new IngestJobs(index, store).close();
        JsonNode job = send("GET", "/api/kb/jobs/00000000-0000-0000-0000-00000000cafe",
                HttpRequest.BodyPublishers.noBody(), null, 200);
        assertThat(job.get("state").asText()).isEqualTo("INTERRUPTED");
        send("GET", "/api/kb/jobs/no-such-job", HttpRequest.BodyPublishers.noBody(), null, 404);
    }

    @Test
    void anotherNodesLiveJobIsLeftRunningAndASilentOnesIsInterrupted() throws Exception {
        IngestJobStore elsewhere = new IngestJobStore(jdbc, "node-elsewhere");
        elsewhere.create("00000000-0000-0000-0000-0000000000a1", "t9", 1);
        elsewhere.create("00000000-0000-0000-0000-0000000000a2", "t9", 1);
        // a2's owner last renewed it a minute ago: it crashed
        jdbc.sql("UPDATE kb_ingest_job SET heartbeat_millis = ? WHERE id = ?")
                .params(System.currentTimeMillis() - 60_000, "00000000-0000-0000-0000-0000000000a2").update();
        IngestJobs here = new IngestJobs(index, new IngestJobStore(jdbc, "node-here"), java.time.Duration.ofHours(1),
                java.time.Duration.ofSeconds(30));
        here.beat();
        here.close();
        assertThat(send("GET", "/api/kb/jobs/00000000-0000-0000-0000-0000000000a1",
                HttpRequest.BodyPublishers.noBody(), null, 200).get("state").asText()).isEqualTo("RUNNING");
        assertThat(send("GET", "/api/kb/jobs/00000000-0000-0000-0000-0000000000a2",
                HttpRequest.BodyPublishers.noBody(), null, 200).get("state").asText()).isEqualTo("INTERRUPTED");
    }

    @Test
    void aSearchBodyThatIsNotJsonOrTooLongSaysWhatIsWrong() throws Exception {
        postJson("/api/kb", Map.of("id", "t5"), 201);
        String path = "/api/kb/t5/search";

        JsonNode truncated = send("POST", path, HttpRequest.BodyPublishers.ofString("{\"query\":"), "application/json", 400);
        assertThat(truncated.get("detail").asText()).startsWith("request body is not valid JSON: ");
        JsonNode badDate = send("POST", path, HttpRequest.BodyPublishers.ofString(
                "{\"query\":\"融券\",\"effectiveOn\":\"2025-13-01\"}"), "application/json", 400);
        assertThat(badDate.get("detail").asText()).startsWith("field 'effectiveOn' has a wrong value").contains("2025-13-01");
        JsonNode tooLong = postJson(path, Map.of("query", "融资".repeat(1001)), 400);
        assertThat(tooLong.get("detail").asText()).contains("2002 characters").contains("at most 2000");
        assertThat(postJson(path, Map.of("query", "融".repeat(2000)), 200).get("result").asText()).isNotBlank();
    }

    @Test
    void anUploadThatIsNotMultipartIsABadRequest() throws Exception {
        postJson("/api/kb", Map.of("id", "t4"), 201);
        JsonNode err = postJson("/api/kb/t4/documents", Map.of("files", "x"), 400);
        assertThat(err.toString()).contains("multipart/form-data");
    }

    private static InputStream head(String boundary, String name) {
        return new ByteArrayInputStream(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream part(String boundary, String name, byte[] content) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        head(boundary, name).transferTo(out);
        out.write(content);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        return new ByteArrayInputStream(out.toByteArray());
    }

    /** {@code size} bytes of filler, generated as read so the test never holds them. */
    private static final class RepeatingStream extends InputStream {
        private long left;

        RepeatingStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) return -1;
            left--;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) return -1;
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 'a');
            left -= n;
            return n;
        }
    }
}
