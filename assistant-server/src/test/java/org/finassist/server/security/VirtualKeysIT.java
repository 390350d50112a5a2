package org.finassist.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.core.fake.Script;
import org.finassist.server.support.FakeUpstreams;
import org.finassist.server.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Virtual keys through the real gateway and admin API (issue 19): allowlist, hard budget with OpenAI's error shape,
 * streamed and whole answers charged, interrupted streams charged, the soft budget for plain and customer-facing
 * keys, spend per model and day, expiry, policy validation. The cluster-wide totals
 * are checked on PostgreSQL by {@code VirtualKeysClusterPgIT}.
 */
class VirtualKeysIT extends SecuredServer {

    /** A key named as customer-facing in {@link SecuredServer}: its answers go through the answer gate. */
    static final String GATED_KEY = "gated-budget-app";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final String admin = Identities.basic("admin", Identities.ADMIN_PASSWORD);

    @BeforeEach
    void upstreams() {
        FakeUpstreams.DS.reset();
        FakeUpstreams.SF.reset();
        // 1000 + 1000 tokens at 2 and 8 CNY per million: 0.01 CNY per answer
        FakeUpstreams.DS.always(Script.ok("好的").withUsage(1000, 1000, 0));
    }

    private JsonNode createKey(String name, Map<String, Object> policy) throws Exception {
        HttpResponse<String> r = Http.postJson(base() + "/admin/api-keys", JSON.writeValueAsString(Map.of(
                "name", name, "scopes", List.of("gateway"), "policy", policy)), "Authorization", admin);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> chat(String key, String model, boolean stream) {
        return Http.postJson(base() + "/v1/chat/completions", "{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"你好\"}]}", "Authorization", "Bearer " + key);
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", admin)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aKeyIsHeldToItsAllowlistAndHardBudgetAndItsSpendIsReported() throws Exception {
        JsonNode created = createKey("budget-app", Map.of("models", List.of("finassist-*"), "dailyHardCny", 0.02));
        String key = created.path("key").asText();
        long id = created.path("id").asLong();

        HttpResponse<String> pinned = chat(key, "ds:chat", false);
        assertThat(pinned.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(pinned.body()).path("error").path("code").asText()).isEqualTo("model_not_allowed");

        assertThat(chat(key, "finassist-general", false).statusCode()).isEqualTo(200);
        HttpResponse<String> streamed = chat(key, "finassist-general", true);
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.body()).contains("[DONE]");

        HttpResponse<String> over = chat(key, "finassist-general", false);
        assertThat(over.statusCode()).isEqualTo(429);
        JsonNode error = JSON.readTree(over.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("budget_exceeded");
        assertThat(error.path("type").asText()).isEqualTo("insufficient_quota");
        assertThat(error.path("message").asText()).contains("0.02");
        assertThat(FakeUpstreams.DS.requests()).isEqualTo(2);

        HttpResponse<String> spend = Http.get(base() + "/admin/api-keys/" + id + "/spend", "Authorization", admin);
        assertThat(spend.statusCode()).isEqualTo(200);
        JsonNode s = JSON.readTree(spend.body());
        assertThat(s.path("requests").asLong()).isEqualTo(2);
        assertThat(s.path("promptTokens").asLong()).isEqualTo(2000);
        assertThat(s.path("costCny").decimalValue()).isEqualByComparingTo("0.02");
        assertThat(s.path("todayCny").decimalValue()).isEqualByComparingTo("0.02");
        assertThat(s.path("rows").path(0).path("model").asText()).isEqualTo("ds:chat");

        // raising the budget lets the key through again
        assertThat(put("/admin/api-keys/" + id + "/policy", "{\"dailyHardCny\":1}").statusCode()).isEqualTo(200);
        assertThat(chat(key, "finassist-general", false).statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredKeyIsRefusedAndAnInconsistentPolicyIsRejected() throws Exception {
        JsonNode created = createKey("expiring-app", Map.of("requestsPerMinute", 100));
        String key = created.path("key").asText();
        long id = created.path("id").asLong();
        assertThat(chat(key, "finassist-general", false).statusCode()).isEqualTo(200);

        HttpResponse<String> bad = put("/admin/api-keys/" + id + "/policy", "{\"dailySoftCny\":5,\"dailyHardCny\":1}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("code").asText()).isEqualTo("bad_policy");

        assertThat(put("/admin/api-keys/" + id + "/policy", "{\"expiresAt\":\"2020-01-01T00:00:00Z\"}").statusCode())
                .isEqualTo(200);
        assertThat(chat(key, "finassist-general", false).statusCode()).isEqualTo(401);
        JsonNode listed = JSON.readTree(Http.get(base() + "/admin/api-keys", "Authorization", admin).body());
        JsonNode mine = null;
        for (JsonNode k : listed) {
            if (k.path("id").asLong() == id) {
                mine = k;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("policy").path("expiresAt").asText()).startsWith("2020-01-01");
    }

    @Test
    void aKeysRequestsPerMinuteAreEnforced() throws Exception {
        String key = createKey("rpm-app", Map.of("requestsPerMinute", 2)).path("key").asText();
        assertThat(chat(key, "finassist-general", false).statusCode()).isEqualTo(200);
        assertThat(chat(key, "finassist-general", false).statusCode()).isEqualTo(200);
        HttpResponse<String> third = chat(key, "finassist-general", false);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(third.body()).path("error").path("code").asText()).isEqualTo("rate_limit_exceeded");
    }

    @Test
    void anInterruptedStreamIsChargedToItsKeyAndCountsAgainstTheBudget() throws Exception {
        // StepFun repeats its cumulative usage on every chunk: cut after 2 chunks, 1000 prompt and 2 completion
        // tokens at 0.2 and 0.8 CNY per million = 0.000202 CNY (6 places), past this key's hard budget
        JsonNode created = createKey("interrupted-app", Map.of("dailyHardCny", 0.0002));
        String key = created.path("key").asText();
        FakeUpstreams.SF.enqueue(Script.ok("一二三四五六七八").withUsage(1000, 8, 0).droppingAfter(2));
        HttpResponse<String> cut = chat(key, "sf:step", true);
        assertThat(cut.body()).contains("stream_interrupted").doesNotContain("[DONE]");

        JsonNode s = spend(created.path("id").asLong());
        assertThat(s.path("requests").asLong()).isEqualTo(1);
        assertThat(s.path("promptTokens").asLong()).isEqualTo(1000);
        assertThat(s.path("completionTokens").asLong()).isEqualTo(2);
        assertThat(s.path("todayCny").decimalValue()).isEqualByComparingTo("0.000202");
        assertThat(s.path("rows").path(0).path("model").asText()).isEqualTo("sf:step");
        HttpResponse<String> over = chat(key, "sf:step", false);
        assertThat(over.statusCode()).as(over.body()).isEqualTo(429);
        assertThat(JSON.readTree(over.body()).path("error").path("code").asText()).isEqualTo("budget_exceeded");

        // no usage from the provider (DeepSeek sends it only at the end): our estimate is charged
        JsonNode other = createKey("interrupted-estimated-app", Map.of("dailyHardCny", 1));
        FakeUpstreams.DS.enqueue(Script.ok("一二三四五六七八").droppingAfter(2));
        assertThat(chat(other.path("key").asText(), "finassist-general", true).body()).contains("stream_interrupted");
        JsonNode estimated = spend(other.path("id").asLong());
        assertThat(estimated.path("requests").asLong()).isEqualTo(1);
        assertThat(estimated.path("completionTokens").asLong()).isPositive();
        assertThat(estimated.path("todayCny").decimalValue()).isPositive();
    }

    @Test
    void aCustomerFacingKeyPastItsSoftBudgetIsRoutedToTheCheaperCandidateLikeAnyKey() throws Exception {
        FakeUpstreams.SF.always(Script.ok("好的").withUsage(1000, 1000, 0));
        // the first answer (ds, 0.01 CNY) reaches the soft budget; the next ones go to sf, the cheaper candidate
        JsonNode created = createKey(GATED_KEY, Map.of("dailySoftCny", 0.01, "dailyHardCny", 1));
        String key = created.path("key").asText();
        assertThat(chat(key, "finassist-general", false).statusCode()).isEqualTo(200);
        assertThat(FakeUpstreams.DS.requests()).isEqualTo(1);

        HttpResponse<String> whole = chat(key, "finassist-general", false);
        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(200);
        HttpResponse<String> streamed = chat(key, "finassist-general", true);
        assertThat(streamed.body()).contains("[DONE]");
        assertThat(FakeUpstreams.DS.requests()).as("ds after the soft budget").isEqualTo(1);
        assertThat(FakeUpstreams.SF.requests()).isEqualTo(2);
        assertThat(spend(created.path("id").asLong()).path("requests").asLong()).isEqualTo(3);
    }

    @Test
    void aRequestNearItsHardBudgetHoldsAnInFlightSlotAndGivesItBackWhenItEnds() throws Exception {
        // 0.015 CNY left, a request estimated at about 0.008 (1,024 answer tokens at ds's 8 CNY per million):
        // one request at a time, so each of these needs the slot its predecessor gave back
        for (boolean streamFirst : new boolean[]{true, false}) {
            String key = createKey("slot-app-" + streamFirst, Map.of("dailyHardCny", 0.015)).path("key").asText();
            HttpResponse<String> first = chat(key, "finassist-general", streamFirst);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            HttpResponse<String> second = chat(key, "finassist-general", !streamFirst);
            assertThat(second.statusCode()).as("the first request's slot was given back: " + second.body())
                    .isEqualTo(200);
            // 0.02 spent: the budget itself now refuses
            assertThat(JSON.readTree(chat(key, "finassist-general", false).body()).path("error").path("code")
                    .asText()).isEqualTo("budget_exceeded");
        }
    }

    private JsonNode spend(long id) throws Exception {
        HttpResponse<String> r = Http.get(base() + "/admin/api-keys/" + id + "/spend", "Authorization", admin);
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
