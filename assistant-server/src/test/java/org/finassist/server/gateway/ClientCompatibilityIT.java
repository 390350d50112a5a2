package org.finassist.server.gateway;

import org.finassist.server.support.SharedServerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import org.finassist.core.fake.Script;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finassist.server.support.FakeUpstreams.DS;
import static org.finassist.server.support.FakeUpstreams.SF;

/**
 * Real client libraries, none written here, against the gateway and the scripted DeepSeek upstream: the official
 * {@code openai} package (current major and the last 4.x), {@code @langchain/openai}, the Vercel AI SDK through
 * {@code @ai-sdk/openai-compatible} (node scripts under src/test/node, installed by scripts/test.sh), and
 * langchain4j's OpenAI client in-process. Each must get answers, usage, tool calls and its own error for a stream
 * broken mid-way; an aborted request must abort the upstream call.
 */
class ClientCompatibilityIT extends SharedServerContext {

    private static final Path NODE = Path.of("src/test/node");
    private static final String ANSWER = "A股交易时间为9:30-15:00。";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @BeforeEach
    void script() {
        DS.reset();
        SF.reset();
        DS.respondWith(ClientCompatibilityIT::respond);
        SF.always(Script.status(500, "sf must not be reached in these cases"));
    }

    /** What the scripted upstream answers, chosen from the request as a real model would be prompted. */
    static Script respond(JsonNode body) {
        JsonNode messages = body.path("messages");
        JsonNode last = messages.get(messages.size() - 1);
        String text = last.path("content").asText("");
        if ("tool".equals(last.path("role").asText())) {
            return Script.ok("600000 现价 10.50 元。");
        }
        if (text.contains("[cut]")) {
            return Script.ok("一二三四五六七八九十").droppingAfter(3);
        }
        if (text.contains("[slow]")) {
            return Script.ok("慢").queuedFor(100, Duration.ofMillis(50));
        }
        if (body.has("tools") && !"none".equals(body.path("tool_choice").asText())) {
            return Script.toolCall("get_quote", "{\"symbol\":\"600000\"}");
        }
        return Script.ok(ANSWER).withReasoning("思考", 2).withUsage(40, 12, 16);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    @Test
    void officialOpenAiClientCurrentMajor() throws Exception {
        JsonNode r = node("client-compat", "openai-cases.mjs", ".");
        assertThat(r.path("version").asText()).startsWith("7.");
        assertOpenAiCases(r);
    }

    @Test
    void officialOpenAiClientLast4x() throws Exception {
        JsonNode r = node("client-compat", "openai-cases.mjs", "../client-compat-openai4");
        assertThat(r.path("version").asText()).startsWith("4.");
        assertOpenAiCases(r);
    }

    private void assertOpenAiCases(JsonNode r) throws InterruptedException {
        assertThat(r.path("plain").path("content").asText()).isEqualTo(ANSWER);
        assertThat(r.path("plain").path("reasoning").asText()).isEqualTo("思考");
        assertThat(r.path("plain").path("cached").asInt()).isEqualTo(16);
        assertThat(r.path("streamWithUsage").path("content").asText()).isEqualTo(ANSWER);
        assertThat(r.path("streamWithUsage").path("firstRole").asText()).isEqualTo("assistant");
        assertThat(r.path("streamWithUsage").path("completionTokens").asInt()).isEqualTo(12);
        assertThat(r.path("streamHelper").path("content").asText()).as(r.toString()).isEqualTo(ANSWER);
        assertThat(r.path("streamHelper").path("role").asText()).isEqualTo("assistant");
        assertThat(r.path("toolCalls").path("finish").asText()).isEqualTo("tool_calls");
        assertThat(r.path("toolCalls").path("name").asText()).isEqualTo("get_quote");
        assertThat(r.path("toolCalls").path("arguments").asText()).isEqualTo("{\"symbol\":\"600000\"}");
        assertThat(r.path("streamedToolCalls").path("arguments").asText()).isEqualTo("{\"symbol\":\"600000\"}");
        assertThat(r.path("runTools").path("content").asText()).as(r.toString()).isEqualTo("600000 现价 10.50 元。");
        assertThat(r.path("runToolsStreaming").path("content").asText()).isEqualTo("600000 现价 10.50 元。");
        JsonNode unknown = r.path("errorUnknownModel");
        assertThat(unknown.path("thrown").asBoolean()).isTrue();
        assertThat(unknown.path("status").asInt()).isEqualTo(404);
        assertThat(unknown.path("code").asText()).isEqualTo("model_not_found");
        assertThat(r.path("errorMidStream").path("thrown").asBoolean()).as(r.toString()).isTrue();
        assertThat(r.path("errorMidStreamHelper").path("thrown").asBoolean()).isTrue();
        assertThat(r.path("abort").path("aborted").asBoolean()).isTrue();
        assertThat(r.path("abort").path("text").asText()).as("the slow answer never arrived").isEmpty();
        awaitUpstreamDisconnect();
        assertThat(SF.requests()).as("no failover after a broken stream or an abort").isZero();
    }

    @Test
    void langChainJs() throws Exception {
        JsonNode r = node("client-compat", "langchain-cases.mjs", null);
        assertThat(r.path("invoke").path("content").asText()).as(r.toString()).isEqualTo(ANSWER);
        assertThat(r.path("stream").path("content").asText()).isEqualTo(ANSWER);
        JsonNode call = r.path("bindToolsStream").path("toolCalls").path(0);
        assertThat(call.path("name").asText()).as(r.toString()).isEqualTo("get_quote");
        assertThat(call.path("args").path("symbol").asText()).isEqualTo("600000");
        assertThat(r.path("errorMidStream").path("thrown").asBoolean()).as(r.toString()).isTrue();
    }

    @Test
    void vercelAiSdk() throws Exception {
        JsonNode r = node("client-compat", "vercel-cases.mjs", null);
        assertThat(r.path("generateText").path("text").asText()).as(r.toString()).isEqualTo(ANSWER);
        for (String c : List.of("generateTextWithTools", "streamTextWithTools")) {
            JsonNode run = r.path(c);
            assertThat(run.path("toolCalls").path(0).path("name").asText()).as(r.toString()).isEqualTo("get_quote");
            assertThat(run.path("toolCalls").path(0).path("input").path("symbol").asText()).isEqualTo("600000");
            assertThat(run.path("text").asText()).isEqualTo("600000 现价 10.50 元。");
            assertThat(run.path("steps").asInt()).isEqualTo(2);
        }
        assertThat(r.path("streamTextError").path("errored").asBoolean()).as(r.toString()).isTrue();
    }

    @Test
    void langchain4jSyncStreamingAndMidStreamFailure() throws Exception {
        OpenAiChatModel sync = OpenAiChatModel.builder().baseUrl(baseUrl()).apiKey("unused-on-loopback")
                .modelName("finassist-qa").maxRetries(0).build();
        assertThat(sync.chat("股票几点开盘？")).isEqualTo(ANSWER);

        OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder().baseUrl(baseUrl())
                .apiKey("unused-on-loopback").modelName("finassist-qa").build();
        Outcome ok = stream(streaming, "股票几点开盘？");
        assertThat(ok.error).isNull();
        assertThat(ok.response.aiMessage().text()).isEqualTo(ANSWER);
        assertThat(String.join("", ok.partials)).isEqualTo(ANSWER);

        Outcome broken = stream(streaming, "一直说下去 [cut]");
        // langchain4j 1.11 calls onError for the gateway's error event and then onCompleteResponse when the body
        // ends (its onClose always completes); what matters is that the failure reaches onError first
        assertThat(broken.callbacks.getFirst()).as("the first callback of a broken stream").isEqualTo("error");
        assertThat(broken.error).isNotNull();
        // every token sent before the provider's cut arrives (issue 19: a connection cut by the gateway made the JDK
        // client behind langchain4j drop received but unread tokens; seen: all six, four, none)
        assertThat(String.join("", broken.partials)).isEqualTo("一二三四五六");
        assertThat(SF.requests()).isZero();
    }

    private static Outcome stream(OpenAiStreamingChatModel model, String question) throws Exception {
        Outcome outcome = new Outcome();
        CompletableFuture<Void> done = new CompletableFuture<>();
        model.chat(question, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                outcome.partials.add(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                outcome.callbacks.add("complete");
                outcome.response = response;
                done.complete(null);
            }

            @Override
            public void onError(Throwable error) {
                outcome.callbacks.add("error");
                outcome.error = error;
                done.complete(null);
            }
        });
        done.get(30, TimeUnit.SECONDS);
        return outcome;
    }

    static final class Outcome {
        final List<String> partials = new ArrayList<>();
        final List<String> callbacks = new java.util.concurrent.CopyOnWriteArrayList<>();
        ChatResponse response;
        Throwable error;
    }

    /** Runs one node script and returns its JSON line; skips (locally) when its packages are not installed. */
    private JsonNode node(String dir, String script, String packageDir) throws Exception {
        Path folder = NODE.resolve(dir);
        Path modules = packageDir == null ? folder.resolve("node_modules") : folder.resolve(packageDir).resolve("node_modules");
        boolean installed = Files.isDirectory(modules);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("npm packages are not installed in " + modules + " (scripts/test.sh installs them)");
        }
        Assumptions.assumeTrue(installed, "Skipped: npm packages not installed in " + modules
                + "; run scripts/test.sh (or npm install there) to run the client-compatibility suite");
        List<String> command = new ArrayList<>(List.of("node", script, baseUrl()));
        if (packageDir != null) {
            command.add(packageDir);
        }
        Process p = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        JsonNode r = JSON.readTree(out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow());
        r.properties().forEach(e -> assertThat(e.getValue().has("unexpected")).as(e.getKey() + ": "
                + e.getValue().path("unexpected").asText()).isFalse());
        return r;
    }

    private static void awaitUpstreamDisconnect() throws InterruptedException {
        for (int i = 0; i < 100 && DS.disconnects() < 1; i++) {
            Thread.sleep(50);
        }
        assertThat(DS.disconnects()).as("the aborted request's upstream call was cut").isGreaterThanOrEqualTo(1);
    }
}
