package org.finassist.server.chat;

import org.finassist.server.support.SharedServerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.core.fake.Script;
import org.finassist.server.support.Http;
import org.finassist.server.web.OpenStreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finassist.server.support.FakeUpstreams.DS;
import static org.finassist.server.support.FakeUpstreams.SF;

class ChatApiIT extends SharedServerContext {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OpenStreams openStreams;

    @BeforeEach
    void reset() {
        DS.reset();
        SF.reset();
        DS.always(Script.ok("您好，A股交易时间为9:30-11:30和13:00-15:00。").withReasoning("内部推理", 2));
        SF.always(Script.ok("阶跃"));
    }

    record Event(String name, JsonNode data) {
    }

    private List<Event> chat(String body) throws Exception {
        HttpResponse<String> r = Http.postJson("http://127.0.0.1:" + port + "/api/chat", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<Event> events = new java.util.ArrayList<>();
        for (String frame : r.body().split("\n\n")) {
            String name = frame.lines().filter(l -> l.startsWith("event: ")).findFirst().orElseThrow().substring(7);
            String data = frame.lines().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow().substring(6);
            events.add(new Event(name, JSON.readTree(data)));
        }
        return events;
    }

    private static Map<String, List<JsonNode>> byName(List<Event> events) {
        Map<String, List<JsonNode>> m = new LinkedHashMap<>();
        events.forEach(e -> m.computeIfAbsent(e.name(), k -> new java.util.ArrayList<>()).add(e.data()));
        return m;
    }

    @Test
    void streamsMetaTokensUsageAndHidesReasoningUnlessAsked() throws Exception {
        List<Event> events = chat("{\"message\":\"几点开盘\"}");
        Map<String, List<JsonNode>> m = byName(events);
        assertThat(events.getFirst().name()).isEqualTo("meta");
        assertThat(events.getLast().name()).isEqualTo("done");
        String text = String.join("", m.get("token").stream().map(n -> n.path("delta").asText()).toList());
        assertThat(text).isEqualTo("您好，A股交易时间为9:30-11:30和13:00-15:00。");
        assertThat(m).doesNotContainKey("reasoning");
        JsonNode usage = m.get("usage").getFirst();
        assertThat(usage.path("provider").asText()).isEqualTo("ds");
        assertThat(usage.path("aiGenerated").asBoolean()).isTrue();
        assertThat(usage.path("reasoningTokens").asInt()).isEqualTo(2);

        Map<String, List<JsonNode>> withReasoning = byName(chat("{\"message\":\"几点开盘\",\"showReasoning\":true}"));
        assertThat(withReasoning.get("reasoning")).isNotEmpty();
    }

    @Test
    void aQuestionResentWithItsTurnIdIsNeitherStoredNorAnsweredTwice() throws Exception {
        Map<String, List<JsonNode>> first = byName(chat("{\"message\":\"几点开盘\",\"turnId\":\"t-1\"}"));
        String id = first.get("meta").getFirst().path("conversationId").asText();
        long answerId = first.get("done").getFirst().path("messageId").asLong();
        int calls = DS.requests();

        Map<String, List<JsonNode>> again = byName(chat("{\"conversationId\":\"" + id
                + "\",\"message\":\"几点开盘\",\"turnId\":\"t-1\"}"));
        assertThat(DS.requests()).as("a finished answer is replayed, not asked again").isEqualTo(calls);
        assertThat(again.get("meta").getFirst().path("replayed").asBoolean()).isTrue();
        assertThat(again.get("token").getFirst().path("delta").asText()).isEqualTo("您好，A股交易时间为9:30-11:30和13:00-15:00。");
        assertThat(again.get("done").getFirst().path("messageId").asLong()).isEqualTo(answerId);

        // the first attempt of t-2 stored its question and died before answering
        jdbc.sql("INSERT INTO chat_messages (conversation_id, role, content, turn_id, created_at)"
                + " VALUES (?, 'user', '周六能交易吗', 't-2', CURRENT_TIMESTAMP)").param(id).update();
        chat("{\"conversationId\":\"" + id + "\",\"message\":\"周六能交易吗\",\"turnId\":\"t-2\"}");
        List<String> sent = DS.bodies().getLast().path("messages").findValuesAsText("content");
        assertThat(sent.stream().filter("周六能交易吗"::equals)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_messages WHERE conversation_id = ? AND role = 'user'")
                .param(id).query(Long.class).single()).isEqualTo(2);

        HttpResponse<String> bad = Http.postJson("http://127.0.0.1:" + port + "/api/chat",
                "{\"message\":\"几点开盘\",\"turnId\":\"../etc\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("bad_turn_id");
    }

    @Test
    void conversationHistoryIsPersistedAndSentOnTheNextTurn() throws Exception {
        Map<String, List<JsonNode>> first = byName(chat("{\"message\":\"我想了解融资融券\"}"));
        String id = first.get("meta").getFirst().path("conversationId").asText();
        chat("{\"conversationId\":\"" + id + "\",\"message\":\"门槛是多少\"}");
        JsonNode sent = DS.bodies().getLast().path("messages");
        List<String> contents = sent.findValuesAsText("content");
        assertThat(contents).contains("我想了解融资融券", "门槛是多少", "您好，A股交易时间为9:30-11:30和13:00-15:00。");
        assertThat(sent.get(0).path("role").asText()).isEqualTo("system");
        long stored = jdbc.sql("SELECT COUNT(*) FROM chat_messages WHERE conversation_id = ?").param(id)
                .query(Long.class).single();
        assertThat(stored).isEqualTo(4);
    }

    @Test
    void personalDataIsMaskedForTheModelAndInStorage() throws Exception {
        Map<String, List<JsonNode>> m = byName(chat("{\"message\":\"我的身份证11010519491231002X开户失败了\"}"));
        String id = m.get("meta").getFirst().path("conversationId").asText();
        assertThat(DS.bodies().getLast().toString()).doesNotContain("11010519491231002X");
        String stored = jdbc.sql("SELECT content FROM chat_messages WHERE conversation_id = ? AND role = 'user'")
                .param(id).query(String.class).single();
        assertThat(stored).doesNotContain("11010519491231002X").contains("110105********002X");
    }

    @Test
    void stockCodeIsClassifiedAsDiagnosisWithTheSymbol() throws Exception {
        JsonNode meta = byName(chat("{\"message\":\"诊股 600000\"}")).get("meta").getFirst();
        assertThat(meta.path("scenario").asText()).isEqualTo("stock-diagnosis");
        assertThat(meta.path("symbol").asText()).isEqualTo("600000");
    }

    @Test
    void badInputGetsChineseMessagesForCustomers() throws Exception {
        String base = "http://127.0.0.1:" + port + "/api/chat";
        HttpResponse<String> empty = Http.postJson(base, "{\"message\":\"  \"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body()).path("message").asText()).isEqualTo("请输入您的问题。");
        HttpResponse<String> malformed = Http.postJson(base, "{\"message\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).path("detail").asText()).contains("not valid JSON");
        HttpResponse<String> tooLong = Http.postJson(base, "{\"message\":\"" + "长".repeat(2001) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        HttpResponse<String> scenario = Http.postJson(base, "{\"message\":\"x\",\"scenario\":\"astrology\"}");
        assertThat(scenario.statusCode()).isEqualTo(400);
        assertThat(DS.requests()).isZero();
    }

    @Test
    void handOffMarksTheLastAnswer() throws Exception {
        String id = byName(chat("{\"message\":\"转账失败\"}")).get("meta").getFirst().path("conversationId").asText();
        HttpResponse<String> r = Http.postJson("http://127.0.0.1:" + port + "/api/chat/" + id + "/handoff", "{}");
        assertThat(JSON.readTree(r.body()).path("handedOff").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_messages WHERE conversation_id = ? AND handed_off").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }
    @Test
    void feedbackNamesOneAnswerIsValidatedAndReplacesAnEarlierClick() throws Exception {
        JsonNode done = chat("{\"message\":\"几点开盘\"}").getLast().data();
        String cid = done.path("conversationId").asText();
        long mid = done.path("messageId").asLong();
        assertThat(mid).isPositive();
        String url = "http://127.0.0.1:" + port + "/api/chat/" + cid + "/feedback";

        HttpResponse<String> badReason = Http.postJson(url, "{\"messageId\":" + mid + ",\"helpful\":false,\"reason\":\"nope\"}");
        assertThat(badReason.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badReason.body()).path("message").asText()).containsPattern("\\p{IsHan}");
        assertThat(Http.postJson(url, "{\"messageId\":" + mid + "}").statusCode()).isEqualTo(400);
        assertThat(Http.postJson(url, "{\"messageId\":" + (mid + 1000) + ",\"helpful\":true}").statusCode()).isEqualTo(404);

        assertThat(Http.postJson(url, "{\"messageId\":" + mid + ",\"helpful\":false,\"reason\":\"outdated\","
                + "\"comment\":\"请打13812345678\"}").statusCode()).isEqualTo(200);
        JsonNode mine = feedbackOn(mid);
        assertThat(mine.path("reason").asText()).isEqualTo("outdated");
        assertThat(mine.path("comment").asText()).doesNotContain("13812345678");
        assertThat(mine.path("question").asText()).isEqualTo("几点开盘");

        assertThat(Http.postJson(url, "{\"messageId\":" + mid + ",\"helpful\":true,\"reason\":\"outdated\"}")
                .statusCode()).isEqualTo(200);
        JsonNode changed = feedbackOn(mid);
        assertThat(changed.path("helpful").asBoolean()).isTrue();
        assertThat(changed.path("reason").isNull()).isTrue();
    }

    private JsonNode feedbackOn(long messageId) throws Exception {
        JsonNode list = JSON.readTree(Http.get("http://127.0.0.1:" + port + "/api/chat/feedback?limit=500").body());
        List<JsonNode> mine = new java.util.ArrayList<>();
        list.forEach(n -> {
            if (n.path("messageId").asLong() == messageId) {
                mine.add(n);
            }
        });
        assertThat(mine).hasSize(1);
        return mine.getFirst();
    }

    @Test
    void opsSummaryReadsTheRouterMetersAndTheHistory() throws Exception {
        String cid = chat("{\"message\":\"几点开盘\"}").getLast().data().path("conversationId").asText();
        Http.postJson("http://127.0.0.1:" + port + "/api/chat/" + cid + "/handoff", "{}");
        JsonNode s = JSON.readTree(Http.get("http://127.0.0.1:" + port + "/api/ops/summary").body());
        assertThat(s.path("chat").path("answers").asLong()).isPositive();
        assertThat(s.path("chat").path("handedOff").asLong()).isPositive();
        assertThat(s.path("chat").path("resolutionRate").asDouble()).isLessThan(1.0);
        JsonNode ds = null;
        for (JsonNode p : s.path("providers")) {
            if ("ds".equals(p.path("provider").asText())) {
                ds = p;
            }
        }
        assertThat(ds).as(s.toString()).isNotNull();
        assertThat(ds.path("requests").asDouble()).isPositive();
        assertThat(ds.path("latencyCount").asLong()).isPositive();
        assertThat(ds.path("latencyMsTotal").asDouble()).isPositive();
        // meters of features that have not registered them read as zero, not as an error
        assertThat(s.path("commentary").path("activeRuns").asDouble()).isZero();
        assertThat(s.path("witness").path("live").asInt()).isZero();
    }
    @Test
    void theWidgetMayBeEmbeddedOnlyFromTheConfiguredOrigins() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (String origin : List.of("https://broker.example", "https://evil.example")) {
            HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + "/api/chat"))
                    .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                    .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (origin.contains("broker")) {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
            } else {
                assertThat(r.statusCode()).isEqualTo(403);
                assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            }
        }
    }

    @Test
    void aStreamStillOpenAtTheDrainDeadlineEndsWithAnErrorEventAndIsStoredInterrupted() throws Exception {
        // a long answer in small slow chunks: the turn is still streaming when the drain deadline comes
        DS.always(Script.ok("您好，交易时间请以交易所公告为准。节假日休市安排以交易所通知为准。如需帮助，请联系您的客户经理。"
                + "开户、转账和交易相关的问题，也可以在营业时间内咨询人工客服。").withChunkChars(2)
                .withChunkDelay(java.time.Duration.ofMillis(150)));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"message\":\"几点开盘\",\"turnId\":\"sd-1\"}"))
                .build();
        HttpResponse<java.util.stream.Stream<String>> r = java.net.http.HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        List<String> lines = new java.util.ArrayList<>();
        java.util.Iterator<String> it = r.body().iterator();
        // read until the first token has been sent, then do what the shutdown does at the drain deadline
        while (it.hasNext()) {
            String line = it.next();
            lines.add(line);
            if (line.equals("event: token")) {
                break;
            }
        }
        assertThat(openStreams.endAll()).isEqualTo(1);
        it.forEachRemaining(lines::add);
        List<Event> events = new java.util.ArrayList<>();
        for (String frame : String.join("\n", lines).split("\n\n")) {
            String name = frame.lines().filter(l -> l.startsWith("event: ")).findFirst().orElseThrow().substring(7);
            String data = frame.lines().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow().substring(6);
            events.add(new Event(name, JSON.readTree(data)));
        }
        Event error = events.get(events.size() - 2);
        assertThat(error.name()).isEqualTo("error");
        assertThat(error.data().path("code").asText()).isEqualTo("shutdown");
        assertThat(events.getLast().name()).isEqualTo("done");
        assertThat(events.getLast().data().path("interrupted").asBoolean()).isTrue();
        String conversation = events.getLast().data().path("conversationId").asText();
        String said = String.join("", events.stream().filter(e -> e.name().equals("token"))
                .map(e -> e.data().path("delta").asText()).toList());
        assertThat(said).isNotEmpty();
        Map<String, Object> stored = jdbc.sql("SELECT content, outcome FROM chat_messages WHERE conversation_id = ?"
                + " AND role = 'assistant'").param(conversation).query().singleRow();
        assertThat(stored.get("OUTCOME") != null ? stored.get("OUTCOME") : stored.get("outcome")).isEqualTo("interrupted");
        assertThat(String.valueOf(stored.get("CONTENT") != null ? stored.get("CONTENT") : stored.get("content")))
                .startsWith(said);

        // the retry of that turn is answered afresh, not replayed from the interrupted part
        DS.always(Script.ok("您好，交易时间请以交易所公告为准。"));
        Map<String, List<JsonNode>> retry = byName(chat("{\"conversationId\":\"" + conversation
                + "\",\"message\":\"几点开盘\",\"turnId\":\"sd-1\"}"));
        assertThat(String.join("", retry.get("token").stream().map(n -> n.path("delta").asText()).toList()))
                .isEqualTo("您好，交易时间请以交易所公告为准。");
    }
}
