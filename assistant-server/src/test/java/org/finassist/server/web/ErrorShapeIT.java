package org.finassist.server.web;

import org.finassist.server.support.SharedServerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed input to every endpoint family answers the documented error shape: problem details with a stable
 * {@code code} (and a Chinese {@code message} where customers call), OpenAI's error object on {@code /v1}.
 */
class ErrorShapeIT extends SharedServerContext {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void chat() throws Exception {
        customerProblem(send("POST", "/api/chat", "application/json", "{\"message\":"), 400, "malformed_json");
        customerProblem(send("POST", "/api/chat", "application/json", "{\"message\":\"  \"}"), 400, "empty_message");
        customerProblem(send("POST", "/api/chat/c-1/feedback", "application/json", "{\"messageId\":1}"), 400,
                "missing_field");
    }

    @Test
    void knowledgeBase() throws Exception {
        problem(send("POST", "/api/kb/demo/search", "application/json", "{\"query\":"), 400, "bad_request");
        problem(send("GET", "/api/kb/no-such-kb/documents", null, null), 404, "not_found");
        problem(send("POST", "/api/kb", "text/plain", "x"), 415, "unsupported_media_type");
    }

    @Test
    void opening() throws Exception {
        customerProblem(send("POST", "/api/opening/id-photo", "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"side\"\r\n\r\nfront\r\n--b--\r\n"), 400, "missing_part");
        customerProblem(send("POST", "/api/opening/id-photo", "application/json", "{}"), 415, "unsupported_media_type");
        customerProblem(send("GET", "/api/opening/sessions/nope", null, null), 404, "SESSION_NOT_FOUND");
    }

    @Test
    void diagnosis() throws Exception {
        customerProblem(send("GET", "/api/diagnosis/999999", null, null), 404, "unknown_symbol");
    }

    @Test
    void commentary() throws Exception {
        problem(send("POST", "/api/commentary/jobs", "application/json", "{\"date\":\"2024-13-40\"}"), 400, "bad_request");
        problem(send("GET", "/api/commentary/jobs/nope", null, null), 404, "not_found");
        problem(send("GET", "/api/commentary/jobs?limit=abc", null, null), 400, "bad_request");
    }

    @Test
    void witness() throws Exception {
        problem(send("GET", "/api/witness/sessions/nope", null, null), 404, "not_found");
        problem(send("POST", "/api/witness/sessions/nope/decision", "application/json", "{"), 400, "malformed_body");
    }

    @Test
    void adminAndOps() throws Exception {
        problem(send("POST", "/admin/api-keys", "application/json", "{\"name\":\"" + "x".repeat(101) + "\"}"), 400,
                "bad_name");
        problem(send("POST", "/admin/api-keys", "application/json", "{\"name\":"), 400, "malformed_body");
        problem(send("DELETE", "/api/ops/summary", null, null), 405, "method_not_allowed");
        problem(send("GET", "/api/no-such-endpoint", null, null), 404, "not_found");
    }

    @Test
    void gatewayKeepsOpenAisShape() throws Exception {
        HttpResponse<String> bad = send("POST", "/v1/chat/completions", "application/json", "{\"model\":");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(bad.body()).path("error");
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.has("type")).isTrue();
        HttpResponse<String> unknown = send("GET", "/v1/no-such-thing", null, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("content-type").orElse("")).startsWith("application/json");
        assertThat(JSON.readTree(unknown.body()).path("error").path("code").asText()).isEqualTo("not_found");
        HttpResponse<String> method = send("DELETE", "/v1/models", null, null);
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(method.body()).path("error").path("type").asText()).isEqualTo("invalid_request_error");
    }

    private static JsonNode problem(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type").orElse("")).as(r.body()).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("code").asText()).as(r.body()).isEqualTo(code);
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("detail").asText()).as(r.body()).isNotBlank().doesNotContain("Exception");
        assertThat(body.has("trace")).isFalse();
        return body;
    }

    private static void customerProblem(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(problem(r, status, code).path("message").asText()).containsPattern("\\p{IsHan}");
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
