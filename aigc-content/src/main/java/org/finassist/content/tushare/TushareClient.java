package org.finassist.content.tushare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.finassist.content.market.MarketDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Calls one Tushare Pro API: {@code POST {"api_name", "token", "params", "fields"}} → {@code {"code", "msg",
 * "data": {"fields", "items"}}}. A non-zero code becomes a {@link MarketDataException} whose reason says what to do:
 * {@code AUTH} (40101 bad token, 40100/2002 no permission), {@code RATE_LIMITED} (40203), else {@code UNAVAILABLE}.
 */
final class TushareClient {

    private static final Logger log = LoggerFactory.getLogger(TushareClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TushareConfig config;
    private final HttpClient http;
    private final RateLimiter limiter;

    TushareClient(TushareConfig config, RateLimiter limiter) {
        this.config = config;
        this.limiter = limiter;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    /** One call; {@code params} are the API's own parameter names (ts_code, start_date, …). */
    TushareTable call(String api, Map<String, String> params, String fields) {
        ObjectNode body = JSON.createObjectNode();
        body.put("api_name", api);
        body.put("token", config.token());
        ObjectNode p = body.putObject("params");
        params.forEach(p::put);
        body.put("fields", fields);
        HttpResponse<String> response;
        try {
            limiter.acquire();
            response = http.send(HttpRequest.newBuilder(config.baseUrl()).timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketDataException(MarketDataException.Reason.UNAVAILABLE, "Tushare " + api + ": interrupted", e);
        } catch (IOException e) {
            throw new MarketDataException(MarketDataException.Reason.UNAVAILABLE, "Tushare " + api + " unreachable at "
                    + config.baseUrl() + ": " + e.getClass().getSimpleName(), e);
        }
        if (response.statusCode() == 429) {
            throw new MarketDataException(MarketDataException.Reason.RATE_LIMITED, "Tushare " + api + ": HTTP 429");
        }
        if (response.statusCode() / 100 != 2) {
            throw new MarketDataException(MarketDataException.Reason.UNAVAILABLE, "Tushare " + api + ": HTTP "
                    + response.statusCode());
        }
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new MarketDataException(MarketDataException.Reason.MALFORMED_DATA, "Tushare " + api
                    + ": the answer is not JSON", e);
        }
        int code = root.path("code").asInt(-1);
        if (code != 0) {
            throw refused(api, code, root.path("msg").asText(""));
        }
        TushareTable table = TushareTable.of(root.path("data"));
        log.debug("Tushare {} {}: {} rows", api, params.keySet(), table.items().size());
        return table;
    }

    static MarketDataException refused(String api, int code, String msg) {
        MarketDataException.Reason reason = switch (code) {
            case 40101, 40100, 2002 -> MarketDataException.Reason.AUTH;
            case 40203 -> MarketDataException.Reason.RATE_LIMITED;
            default -> MarketDataException.Reason.UNAVAILABLE;
        };
        String what = switch (reason) {
            case AUTH -> "the token was refused or lacks permission for this API (check finassist.content.tushare.token"
                    + " and the account's points)";
            case RATE_LIMITED -> "the account's rate limit for this API was hit (lower requests-per-minute or retry later)";
            default -> "the API answered an error";
        };
        return new MarketDataException(reason, "Tushare " + api + ": " + what + " [code " + code + ": " + msg + "]");
    }
}
