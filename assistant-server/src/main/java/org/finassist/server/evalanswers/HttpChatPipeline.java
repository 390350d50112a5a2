package org.finassist.server.evalanswers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The real chat pipeline over HTTP: {@code POST /api/chat} with server-sent events, the same call the widget makes,
 * so classification, grounding, the compliance gate, hand-off and routing are all what a customer gets.
 */
final class HttpChatPipeline implements ChatPipeline {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI chat;
    private final String apiKey;
    private final Duration timeout;

    /** @param apiKey sent as a bearer token; {@code null} for a loopback server without keys */
    HttpChatPipeline(URI baseUrl, String apiKey, Duration timeout) {
        this.chat = baseUrl.resolve("/api/chat");
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    @Override
    public Observed run(AnswerCase c) {
        String conversation = UUID.randomUUID().toString();
        for (String earlier : c.previous()) {
            Observed o = turn(conversation, earlier);
            if (o.error() != null) {
                return new Observed(null, "", false, "previous turn failed: " + o.error(), 0);
            }
        }
        return turn(conversation, c.question());
    }

    private Observed turn(String conversation, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conversationId", conversation);
        body.put("message", message);
        long start = System.nanoTime();
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(chat).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            if (apiKey != null) {
                req.header("Authorization", "Bearer " + apiKey);
            }
            HttpResponse<InputStream> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (resp.statusCode() != 200) {
                return new Observed(null, "", false, "http " + resp.statusCode(), millis(start));
            }
            return read(resp.body(), start);
        } catch (IOException e) {
            return new Observed(null, "", false, "io: " + e.getClass().getSimpleName(), millis(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Observed(null, "", false, "interrupted", millis(start));
        }
    }

    private static Observed read(InputStream in, long start) throws IOException {
        String scenario = null;
        StringBuilder text = new StringBuilder();
        boolean handoff = false;
        String error = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String event = null;
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && event != null) {
                    JsonNode data = JSON.readTree(line.substring(5).strip());
                    switch (event) {
                        case "meta" -> scenario = data.path("scenario").asText(null);
                        case "token" -> text.append(data.path("delta").asText(""));
                        case "handoff" -> handoff = true;
                        case "error" -> error = data.path("code").asText("error");
                        default -> { }
                    }
                    if ("done".equals(event)) {
                        break;
                    }
                }
            }
        }
        return new Observed(scenario, text.toString(), handoff, error, millis(start));
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
