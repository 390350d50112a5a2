package org.finassist.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.core.fake.Script;
import org.finassist.server.support.FakeUpstreams;
import org.finassist.server.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finassist.server.support.FakeUpstreams.DS;
import static org.finassist.server.support.FakeUpstreams.SF;

/**
 * What a client library sees on the wire, against the scripted DeepSeek and StepFun upstreams: the role in the
 * first delta, headers on streams, pings while candidates are tried, an interrupted stream ended by an error event
 * without {@code [DONE]}, cancellation when the client leaves, and the honest 503 for callers that cannot use local prose.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayWireIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.finassist.server.web.OpenStreams openStreams;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry r) {
        FakeUpstreams.register(r);
    }

    @BeforeEach
    void reset() {
        DS.reset();
        SF.reset();
        DS.always(Script.ok("深度求索的回答"));
        SF.always(Script.ok("阶跃星辰的回答"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String body(String model, boolean stream, String extra) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream + extra
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"股票几点开盘\"}]}";
    }

    /** Reads a stream line by line until it ends or breaks; a broken connection shows as {@code broken}. */
    private Raw stream(String json) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url("/v1/chat/completions")))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return read(CLIENT.send(req, HttpResponse.BodyHandlers.ofInputStream()));
    }

    private static Raw read(HttpResponse<InputStream> r) {
        List<String> lines = new ArrayList<>();
        boolean broken = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            broken = true;
        }
        return new Raw(r, lines, broken);
    }

    record Raw(HttpResponse<InputStream> response, List<String> lines, boolean broken) {
        List<JsonNode> chunks() throws IOException {
            List<JsonNode> out = new ArrayList<>();
            for (String l : lines) {
                if (l.startsWith("data: {")) {
                    out.add(JSON.readTree(l.substring(6)));
                }
            }
            return out;
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    @Test
    void firstDeltaCarriesTheRoleAndStreamsCarryProviderAndRouteHeaders() throws Exception {
        Raw raw = stream(body("finassist-qa", true, ""));
        JsonNode first = raw.chunks().getFirst();
        assertThat(first.path("choices").path(0).path("delta").path("role").asText()).isEqualTo("assistant");
        assertThat(first.path("finassist").path("provider").asText()).isEqualTo("ds");
        assertThat(raw.chunks().subList(1, raw.chunks().size()))
                .allSatisfy(c -> assertThat(c.path("choices").path(0).path("delta").has("role")).isFalse());
        assertThat(raw.header("x-finassist-provider")).isEqualTo("ds");
        assertThat(raw.header("x-finassist-route")).isEqualTo("qa");
        assertThat(raw.lines().getLast()).isEqualTo("data: [DONE]");
        assertThat(raw.broken()).isFalse();
    }

    @Test
    void aStreamThatFailsAfterItStartedSendsEveryTokenThenAnErrorEventAndNoDone() throws Exception {
        DS.enqueue(Script.ok("一二三四五六").droppingAfter(2));
        Raw raw = stream(body("finassist-general", true, ""));
        assertThat(String.join("", contents(raw))).isEqualTo("一二三四");
        int error = raw.lines().indexOf("event: error");
        assertThat(error).as("the error is an error event, after the tokens").isEqualTo(raw.lines().size() - 2);
        assertThat(raw.lines().getLast()).contains("\"code\":\"stream_interrupted\"");
        assertThat(raw.lines()).noneMatch(l -> l.contains("[DONE]"));
        // ended cleanly: a cut connection made the JDK client drop tokens it had received but not yet handed over
        assertThat(raw.broken()).isFalse();
        assertThat(SF.requests()).isZero();
    }

    /**
     * The order that lost tokens (issue 19): the gateway has written the whole broken stream and returned before
     * the JDK client's reader takes the first byte. A connection cut then made the client discard what it had
     * received and not yet handed over (none, some or all of the tokens, varying from run to run), hence the runs.
     */
    @Test
    void everyTokenOfABrokenStreamReachesAReaderThatStartsAfterTheGatewayFinished() throws Exception {
        for (int run = 0; run < 20; run++) {
            DS.enqueue(Script.ok("一二三四五六七八").droppingAfter(3));
            HttpResponse<InputStream> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url("/v1/chat/completions")))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body("finassist-general", true, ""))).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (openStreams.count() > 0 && System.nanoTime() < until) {
                Thread.sleep(1);
            }
            Raw raw = read(r);
            assertThat(String.join("", contents(raw))).as("run %d: %s", run, raw.lines()).isEqualTo("一二三四五六");
            assertThat(raw.lines()).as("run %d", run).contains("event: error");
        }
    }

    private static List<String> contents(Raw raw) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode c : raw.chunks()) {
            String text = c.path("choices").path(0).path("delta").path("content").asText("");
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }

    @Test
    void aStepFunStreamCutCleanlyMidwayIsNotPassedOnAsComplete() throws Exception {
        SF.enqueue(Script.ok("一二三四五六七八").droppingAfter(3));
        Raw raw = stream(body("sf:step", true, ""));
        assertThat(raw.lines()).anySatisfy(l -> assertThat(l).contains("stream_interrupted"));
        assertThat(raw.lines()).noneMatch(l -> l.contains("[DONE]") || l.contains("\"finish_reason\":\"stop\""));
        assertThat(raw.lines()).contains("event: error");
    }

    @Test
    void pingsFlowWhileCandidatesAreTriedAndTheProviderHeaderIsNotGuessed() throws Exception {
        DS.enqueue(Script.status(503, "busy").withHeaderDelay(Duration.ofMillis(900)));
        Raw raw = stream(body("finassist-qa", true, ""));
        int firstData = indexOf(raw.lines(), "data: {");
        assertThat(raw.lines().subList(0, firstData)).contains(": ping");
        assertThat(raw.header("x-finassist-route")).isEqualTo("qa");
        assertThat(raw.header("x-finassist-provider")).as("committed by a ping while ds was in flight").isNull();
        assertThat(raw.chunks().getFirst().path("finassist").path("provider").asText()).isEqualTo("sf");
        assertThat(raw.lines().getLast()).isEqualTo("data: [DONE]");
    }

    @Test
    void aQueuedDeepSeekStreamIsWaitedForPastTheFirstTokenTimeout() throws Exception {
        // 4 s of keep-alives against a 3 s first-token timeout
        DS.enqueue(Script.ok("排队后的回答").queuedFor(8, Duration.ofMillis(500)));
        Raw raw = stream(body("finassist-qa", true, ""));
        assertThat(raw.chunks().getFirst().path("finassist").path("provider").asText()).isEqualTo("ds");
        assertThat(SF.requests()).isZero();
    }

    @Test
    void aClientLeavingBeforeTheFirstTokenCancelsTheUpstreamCallAndNoOtherCandidateStarts() throws Exception {
        DS.always(Script.ok("没人听").queuedFor(200, Duration.ofMillis(50)));
        double before = cancellations();
        try (Socket s = post(body("finassist-qa", true, ""))) {
            awaitAtLeast(DS::requests, 1);
            Thread.sleep(200);
        }
        awaitAtLeast(DS::disconnects, 1);
        Thread.sleep(500);
        assertThat(SF.requests()).isZero();
        assertThat(cancellations()).isGreaterThan(before);
    }

    @Test
    void aClientLeavingANonStreamedRequestCancelsItToo() throws Exception {
        DS.always(Script.ok("没人听").queuedFor(200, Duration.ofMillis(50)));
        double before = cancellations();
        try (Socket s = post(body("finassist-qa", false, ""))) {
            awaitAtLeast(DS::requests, 1);
            Thread.sleep(200);
        }
        awaitAtLeast(DS::disconnects, 1);
        Thread.sleep(500);
        assertThat(SF.requests()).isZero();
        assertThat(cancellations()).isGreaterThan(before);
    }

    @Test
    void hugeRetryAfterFailsOverInsteadOfA500() throws Exception {
        DS.enqueue(Script.status(429, "slow down").withRetryAfter("10000000000"));
        HttpResponse<String> r = Http.postJson(url("/v1/chat/completions"), body("finassist-qa", false, ""));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("finassist").path("provider").asText()).isEqualTo("sf");
        Thread.sleep(600); // past the 500 ms maximum cool-down, so other tests find ds available
    }

    @Test
    void callersThatCannotUseLocalProseGetAnOpenAiShaped503() throws Exception {
        DS.always(Script.status(503, "busy"));
        SF.always(Script.status(500, "boom"));
        String tools = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"quote\",\"parameters\":{\"type\":\"object\"}}}]";
        List<String> strict = List.of(
                body("ds:chat", false, ""),
                body("finassist-qa", false, tools + ",\"tool_choice\":\"required\""),
                body("finassist-qa", false, tools + ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"quote\"}}"),
                body("finassist-qa", false, ",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\",\"schema\":{\"type\":\"object\"}}}"),
                body("finassist-qa", true, ",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\",\"schema\":{\"type\":\"object\"}}}"));
        for (String json : strict) {
            HttpResponse<String> r = Http.postJson(url("/v1/chat/completions"), json);
            assertThat(r.statusCode()).as(json).isEqualTo(503);
            JsonNode error = JSON.readTree(r.body()).path("error");
            assertThat(error.path("code").asText()).isEqualTo("all_providers_failed");
            assertThat(error.path("type").asText()).isEqualTo("server_error");
        }
        HttpResponse<String> optedIn = Http.postJson(url("/v1/chat/completions"), body("ds:chat", false, ""),
                "x-finassist-local-fallback", "true");
        assertThat(optedIn.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(optedIn.body()).path("finassist").path("provider").asText()).isEqualTo("local");
        HttpResponse<String> plain = Http.postJson(url("/v1/chat/completions"), body("finassist-qa", false, ""));
        assertThat(JSON.readTree(plain.body()).path("finassist").path("provider").asText()).isEqualTo("local");
    }

    /** Sends a request on a raw socket, so the test can leave without reading. */
    private Socket post(String json) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        OutputStream out = s.getOutputStream();
        out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return s;
    }

    private double cancellations() throws IOException {
        return Http.get(url("/actuator/prometheus")).body().lines()
                .filter(l -> l.startsWith("finassist_router_cancellations_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return lines.size();
    }

    /** Polls a counter the fake updates from its own threads, bounded so a regression fails instead of hanging. */
    private static void awaitAtLeast(IntSupplier counter, int n) throws InterruptedException {
        for (int i = 0; i < 100 && counter.getAsInt() < n; i++) {
            Thread.sleep(50);
        }
        assertThat(counter.getAsInt()).isGreaterThanOrEqualTo(n);
    }
}
