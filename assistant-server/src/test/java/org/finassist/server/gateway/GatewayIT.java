package org.finassist.server.gateway;

import org.finassist.server.support.SharedServerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.core.fake.Script;
import org.finassist.server.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finassist.server.support.FakeUpstreams.DS;
import static org.finassist.server.support.FakeUpstreams.SF;

class GatewayIT extends SharedServerContext {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.finassist.server.web.OpenStreams openStreams;

    @BeforeEach
    void reset() {
        DS.reset();
        SF.reset();
        DS.always(Script.ok("深度求索的回答").withReasoning("先想一想", 4).withUsage(50, 20, 30));
        SF.always(Script.ok("阶跃星辰的回答").withReasoning("阶跃的思考", 3));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private HttpResponse<String> chat(String body) {
        return Http.postJson(url("/v1/chat/completions"), body);
    }

    @Test
    void nonStreamingAnswerCarriesReasoningUsageCostAndTrail() throws Exception {
        HttpResponse<String> r = chat("{\"model\":\"finassist-qa\",\"messages\":[{\"role\":\"user\",\"content\":\"手续费\"}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode root = JSON.readTree(r.body());
        assertThat(root.path("object").asText()).isEqualTo("chat.completion");
        assertThat(root.path("model").asText()).isEqualTo("finassist-qa");
        JsonNode message = root.path("choices").path(0).path("message");
        assertThat(message.path("content").asText()).isEqualTo("深度求索的回答");
        assertThat(message.path("reasoning_content").asText()).isEqualTo("先想一想");
        assertThat(root.path("usage").path("prompt_tokens_details").path("cached_tokens").asInt()).isEqualTo(30);
        assertThat(root.path("usage").path("completion_tokens_details").path("reasoning_tokens").asInt()).isEqualTo(4);
        assertThat(root.path("finassist").path("provider").asText()).isEqualTo("ds");
        assertThat(root.path("finassist").path("cost_cny").asText()).isEqualTo("0.000215"); // (20×2 + 30×0.5 + 20×8) / 1e6
        assertThat(r.headers().firstValue("x-finassist-provider")).hasValue("ds");
        assertThat(DS.bodies().getLast().path("model").asText()).isEqualTo("chat-upstream");
    }

    @Test
    void toolsAndSamplingParametersPassThroughToTheProvider() {
        chat("{\"model\":\"ds:chat\",\"temperature\":0.3,\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"quote\","
                + "\"parameters\":{\"type\":\"object\"}}}],\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        JsonNode sent = DS.bodies().getLast();
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(sent.path("tools").path(0).path("function").path("name").asText()).isEqualTo("quote");
    }

    @Test
    void streamingFailsOverBeforeTheFirstTokenAndReportsUsage() throws Exception {
        DS.enqueue(Script.ok("x").droppingAfter(0));
        HttpResponse<String> r = chat("{\"model\":\"finassist-general\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"你好\"}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        // ": ping" comments keep a slow stream alive (every 300 ms here); clients ignore them
        List<String> data = Arrays.stream(r.body().split("\n\n")).filter(s -> !s.startsWith(":"))
                .map(s -> s.replaceFirst("^data: ", "")).toList();
        assertThat(data.getLast()).isEqualTo("[DONE]");
        StringBuilder content = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        JsonNode usage = null;
        for (String d : data.subList(0, data.size() - 1)) {
            JsonNode chunk = JSON.readTree(d);
            JsonNode delta = chunk.path("choices").path(0).path("delta");
            content.append(delta.path("content").asText(""));
            reasoning.append(delta.path("reasoning_content").asText(""));
            if (chunk.has("usage")) {
                usage = chunk;
            }
        }
        assertThat(content.toString()).isEqualTo("阶跃星辰的回答");
        assertThat(reasoning.toString()).isEqualTo("阶跃的思考");
        assertThat(usage).isNotNull();
        assertThat(usage.path("finassist").path("provider").asText()).isEqualTo("sf");
        assertThat(usage.path("finassist").path("trail").path(0).path("reason").asText()).isEqualTo("stream_broken");
    }

    @Test
    void badInputGetsOpenAiShapedErrors() throws Exception {
        assertError(chat("{\"model\": \"finassist-qa\", \"messages\": [}"), 400, "invalid_request");
        assertError(chat("{\"model\":\"nope\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"), 404, "model_not_found");
        assertError(chat("{\"model\":\"finassist-qa\",\"messages\":[]}"), 400, "invalid_request");
        assertError(chat("{\"model\":\"finassist-qa\",\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}"), 400, "invalid_request");
        assertError(chat("[1,2]"), 400, "invalid_request");
        byte[] big = new byte[10 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        assertError(Http.post(url("/v1/chat/completions"), "application/json", big), 413, "request_too_large");
        byte[] badUtf8 = "{\"model\":\"finassist-qa\",\"messages\":[{\"role\":\"user\",\"content\":\"\u0000\"}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        badUtf8[badUtf8.length - 5] = (byte) 0xC3;
        badUtf8[badUtf8.length - 4] = (byte) 0x28;
        assertError(Http.post(url("/v1/chat/completions"), "application/json", badUtf8), 400, "invalid_request");
        assertThat(DS.requests()).isZero();
        // the server is still fine
        assertThat(chat("{\"model\":\"finassist-qa\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}").statusCode()).isEqualTo(200);
    }

    @Test
    void answersCarryAnApisHeadersNoPagePolicyAndNoSession() {
        HttpResponse<String> r = chat("{\"model\":\"finassist-qa\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        // the pages keep theirs
        HttpResponse<String> page = Http.get(url("/widget/demo.html"));
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    }

    @Test
    void otherMethodsOnChatCompletionsGetAnOpenAiShaped405() throws Exception {
        HttpResponse<String> r = Http.get(url("/v1/chat/completions"));
        assertError(r, 405, "method_not_allowed");
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
        assertThat(DS.requests()).isZero();
    }

    @Test
    void providerRequestErrorsFailFastWithTheProvidersMessage() throws Exception {
        DS.always(Script.status(400, "temperature out of range"));
        HttpResponse<String> r = chat("{\"model\":\"finassist-qa\",\"temperature\":9,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertError(r, 400, "invalid_request");
        assertThat(r.body()).contains("temperature out of range");
        assertThat(SF.requests()).isZero();
    }

    @Test
    void modelsListRoutesAndProviderPairs() throws Exception {
        JsonNode root = JSON.readTree(Http.get(url("/v1/models")).body());
        List<String> ids = root.path("data").findValuesAsText("id");
        assertThat(ids).contains("finassist-qa", "finassist-general", "finassist-auto", "ds:chat", "sf:step",
                "local:grounded").doesNotContain("nokey:gpt");
    }

    @Test
    void healthReportsEveryProviderAndMetricsCountAnswers() throws Exception {
        chat("{\"model\":\"finassist-qa\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        JsonNode health = JSON.readTree(Http.get(url("/actuator/health")).body());
        JsonNode providers = health.path("components").path("providers").path("details");
        assertThat(providers.path("ds").path("state").asText()).isEqualTo("up");
        assertThat(providers.path("nokey").path("state").asText()).isEqualTo("disabled");
        assertThat(providers.path("local").path("state").asText()).isEqualTo("up");
        String prometheus = Http.get(url("/actuator/prometheus")).body();
        // tags in Prometheus' alphabetical order; the node tag (cluster) sits between provider and route
        assertThat(prometheus.lines().filter(l -> l.startsWith("finassist_router_requests_total{"))
                .filter(l -> l.contains("provider=\"ds\"") && l.contains("route=\"qa\""))).isNotEmpty();
        assertThat(prometheus).contains("finassist_router_ttft_seconds_bucket").contains("finassist_router_tokens_total")
                .contains("finassist_router_cost_cny").contains("finassist_gateway_overhead_seconds");
    }

    private static void assertError(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode error = JSON.readTree(r.body()).path("error");
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("type").asText()).isNotBlank();
        assertThat(error.path("code").asText()).isEqualTo(code);
    }

    @Test
    void aStreamStillOpenAtTheDrainDeadlineGetsAnErrorChunkAndDone() throws Exception {
        DS.always(Script.ok("这是一个很长的回答，会被分成许多小块慢慢地发出来，直到服务器停止为止。").withChunkChars(2)
                .withChunkDelay(java.time.Duration.ofMillis(150)));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(url("/v1/chat/completions")))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"model\":\"finassist-general\","
                        + "\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"你好\"}]}"))
                .build();
        HttpResponse<java.util.stream.Stream<String>> r = java.net.http.HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        List<String> data = new java.util.ArrayList<>();
        java.util.Iterator<String> it = r.body().iterator();
        while (it.hasNext()) {
            String line = it.next();
            if (line.startsWith("data: ")) {
                data.add(line.substring(6));
                if (line.contains("\"content\"")) {
                    break; // the answer is streaming: now the drain deadline comes
                }
            }
        }
        assertThat(openStreams.endAll()).isEqualTo(1);
        it.forEachRemaining(line -> {
            if (line.startsWith("data: ")) {
                data.add(line.substring(6));
            }
        });
        assertThat(data.getLast()).isEqualTo("[DONE]");
        JsonNode error = JSON.readTree(data.get(data.size() - 2)).path("error");
        assertThat(error.path("type").asText()).isEqualTo("server_error");
        assertThat(error.path("code").asText()).isEqualTo("server_shutdown");
    }
}
