package org.finassist.server.commentary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs each approved article as JSON ({@code id, type, subject, date, title, reviewer, markdown, article}) to a URL;
 * a 2xx answer means published. With a secret, {@code Authorization: Bearer <secret>} is sent.
 */
final class WebhookPublishHook implements PublishHook {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookPublishHook(URI url, String secret) {
        this.url = url;
        this.secret = secret == null ? "" : secret;
    }

    @Override
    public void publish(Approved a) {
        try {
            ObjectNode body = JSON.createObjectNode().put("id", a.id()).put("type", a.type()).put("subject", a.subject())
                    .put("date", a.date().toString()).put("title", a.title()).put("reviewer", a.reviewer())
                    .put("markdown", a.markdown());
            body.set("article", JSON.readTree(a.json()));
            HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            if (!secret.isEmpty()) {
                req.header("Authorization", "Bearer " + secret);
            }
            HttpResponse<Void> r = http.send(req.build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 != 2) {
                throw new PublishException("Webhook " + url + " answered HTTP " + r.statusCode(), null);
            }
        } catch (IOException e) {
            throw new PublishException("Webhook " + url + " unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("Webhook " + url + ": interrupted", e);
        }
    }

    @Override
    public String describe() {
        return "webhook " + url;
    }
}
