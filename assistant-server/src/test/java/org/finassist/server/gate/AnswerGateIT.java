package org.finassist.server.gate;

import org.finassist.server.support.SharedServerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.finassist.core.fake.RedTeam;
import org.finassist.core.fake.Script;
import org.finassist.core.gate.GateSets;
import org.finassist.server.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finassist.server.support.FakeUpstreams.DS;
import static org.finassist.server.support.FakeUpstreams.SF;

/**
 * The red-team set end to end: /api/chat on every route (streamed SSE) and /v1/chat/completions with a customer-facing
 * key (streamed and not) never show a bad fragment; another key stays pass-through. Hand-off over /api/chat, and the
 * resolution rate on /ops against a recount from the database.
 */
class AnswerGateIT extends SharedServerContext {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROUTES = List.of("qa", "account-opening", "stock-diagnosis", "commentary", "general");
    private static final List<Integer> FORMS = List.of(3, 100_000);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry registry;

    @BeforeEach
    void reset() {
        DS.reset();
        SF.reset();
        SF.always(Script.status(500, "down"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    record Event(String name, JsonNode data) {
    }

    private List<Event> chat(Map<String, Object> body) throws Exception {
        HttpResponse<String> r = Http.postJson(url("/api/chat"), JSON.writeValueAsString(body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<Event> events = new ArrayList<>();
        for (String frame : r.body().split("\n\n")) {
            String name = frame.lines().filter(l -> l.startsWith("event: ")).findFirst().orElseThrow().substring(7);
            String data = frame.lines().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow().substring(6);
            events.add(new Event(name, JSON.readTree(data)));
        }
        return events;
    }

    private static String text(List<Event> events) {
        StringBuilder b = new StringBuilder();
        events.stream().filter(e -> e.name().equals("token")).forEach(e -> b.append(e.data().path("delta").asText()));
        return b.toString();
    }

    private static Map<String, Object> turn(String message, String scenario, String conversationId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", message);
        if (scenario != null) {
            m.put("scenario", scenario);
        }
        if (conversationId != null) {
            m.put("conversationId", conversationId);
        }
        return m;
    }

    @Test
    void noRedTeamFragmentReachesTheCustomerOnAnyChatRoute() throws Exception {
        List<String> leaks = new ArrayList<>();
        int turns = 0;
        int modelAsked = 0;
        for (GateSets.Entry e : GateSets.redTeam(null)) {
            for (String route : ROUTES) {
                for (int form : FORMS) {
                    DS.reset();
                    DS.always(RedTeam.answer(e.text(), form));
                    String question = route.equals("stock-diagnosis") ? "帮我看看600000" : "这个怎么看？";
                    String shown = text(chat(turn(question, route, null)));
                    turns++;
                    modelAsked += DS.requests() > 0 ? 1 : 0;
                    e.bad().stream().filter(shown::contains)
                            .forEach(b -> leaks.add(e.id() + "/" + route + "/" + RedTeam.formName(form) + ": " + b));
                }
            }
        }
        System.out.println("GATE-SERVER chat red-team turns=" + turns + " model-asked=" + modelAsked + " leaks=" + leaks.size());
        assertThat(leaks).isEmpty();
        assertThat(modelAsked).as("the red-team text was actually produced").isGreaterThan(turns * 3 / 5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM answer_withholds").query(Long.class).single()).isPositive();
        assertThat(registry.find("finassist.answer.withheld").tag("route", "general").tag("rule", "TRADING_ADVICE")
                .counter()).isNotNull();
        assertThat(jdbc.sql("SELECT text_hash FROM answer_withholds").query(String.class).list())
                .allMatch(h -> h.matches("[0-9a-f]{64}"));
    }

    @Test
    void aCustomerFacingGatewayKeyIsGatedStreamedAndNotAndOtherKeysPassThrough() throws Exception {
        String facing = key("widget-prod");
        String internal = key("internal-research");
        List<String> leaks = new ArrayList<>();
        for (GateSets.Entry e : GateSets.redTeam(null)) {
            for (boolean stream : new boolean[]{true, false}) {
                DS.reset();
                DS.always(RedTeam.answer(e.text(), 5));
                String body = "{\"model\":\"finassist-general\",\"stream\":" + stream
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"这个怎么看\"}]}";
                HttpResponse<String> r = Http.postJson(url("/v1/chat/completions"), body, "Authorization",
                        "Bearer " + facing);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                String content = stream ? streamedContent(r.body())
                        : JSON.readTree(r.body()).path("choices").get(0).path("message").path("content").asText();
                e.bad().stream().filter(content::contains).forEach(b -> leaks.add(e.id() + "/" + stream + ": " + b));
            }
        }
        assertThat(leaks).isEmpty();
        DS.reset();
        String offending = GateSets.redTeam(null).getFirst().text();
        DS.always(Script.ok(offending));
        HttpResponse<String> passThrough = Http.postJson(url("/v1/chat/completions"),
                "{\"model\":\"finassist-general\",\"messages\":[{\"role\":\"user\",\"content\":\"这个怎么看\"}]}",
                "Authorization", "Bearer " + internal);
        assertThat(JSON.readTree(passThrough.body()).path("choices").get(0).path("message").path("content").asText())
                .isEqualTo(offending);
    }

    @Test
    void compliantAnswersAreNotWithheldOnTheGeneralRouteNorTheGateway() throws Exception {
        // an entry with a passage states figures only that passage grounds: GateEvaluationIT runs it with the passage;
        // here (no passage in the turn) its figures would rightly be unverifiable
        String facing = key("widget-prod-2");
        long before = jdbc.sql("SELECT COUNT(*) FROM answer_withholds").query(Long.class).single();
        List<String> changed = new ArrayList<>();
        int turns = 0;
        for (GateSets.Entry e : GateSets.compliant(null)) {
            if (e.passage() != null) {
                continue;
            }
            DS.reset();
            DS.always(RedTeam.answer(e.text(), 4));
            String shown = text(chat(turn("这个怎么看？", "general", null)));
            turns++;
            if (!shown.equals(e.text())) {
                changed.add(e.id() + " chat: " + shown);
            }
            HttpResponse<String> r = Http.postJson(url("/v1/chat/completions"), "{\"model\":\"finassist-general\","
                    + "\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"这个怎么看\"}]}",
                    "Authorization", "Bearer " + facing);
            turns++;
            if (!streamedContent(r.body()).equals(e.text())) {
                changed.add(e.id() + " gateway: " + streamedContent(r.body()));
            }
        }
        long withheld = jdbc.sql("SELECT COUNT(*) FROM answer_withholds").query(Long.class).single() - before;
        System.out.println("GATE-SERVER compliant turns=" + turns + " withheld=" + withheld + " changed=" + changed);
        assertThat(changed).isEmpty();
        assertThat(withheld).isZero();
    }

    private String key(String name) throws Exception {
        HttpResponse<String> r = Http.postJson(url("/admin/api-keys"), "{\"name\":\"" + name + "\"}");
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
        return JSON.readTree(r.body()).path("key").asText();
    }

    private static String streamedContent(String sse) throws Exception {
        StringBuilder b = new StringBuilder();
        for (String frame : sse.split("\n\n")) {
            if (!frame.startsWith("data: ") || frame.startsWith("data: [DONE]")) {
                continue;
            }
            JsonNode n = JSON.readTree(frame.substring(6));
            JsonNode choices = n.path("choices");
            if (choices.isArray() && !choices.isEmpty()) {
                b.append(choices.get(0).path("delta").path("content").asText(""));
            }
        }
        return b.toString();
    }

    @Test
    void aFraudReportIsHandedOffWithoutAModelAndWithoutMoneyMovingInstructions() throws Exception {
        DS.always(Script.ok("您可以通过银证转账把资金转出到银行卡。"));
        List<Event> events = chat(turn("我账户里的钱被人转走了怎么办", null, null));
        Event handoff = events.stream().filter(e -> e.name().equals("handoff")).findFirst().orElseThrow();
        assertThat(handoff.data().path("reason").asText()).isEqualTo("fraud");
        assertThat(handoff.data().path("message").asText()).contains("人工客服");
        assertThat(events.getLast().name()).isEqualTo("done");
        assertThat(DS.requests()).isZero();
        assertThat(text(events)).doesNotContain("转出").doesNotContain("银证转账").doesNotContain("转账");
        String cid = events.getFirst().data().path("conversationId").asText();
        assertThat(jdbc.sql("SELECT handoff_reason || '/' || handoff_status FROM chat_conversations WHERE id = ?")
                .param(cid).query(String.class).single()).isEqualTo("fraud/waiting");

        List<Event> lookAlike = chat(turn("怎么转出资金", null, null));
        assertThat(lookAlike).noneMatch(e -> e.name().equals("handoff"));
    }

    @Test
    void twoDeclinesInARowHandOff() throws Exception {
        DS.always(Script.ok("抱歉，我暂时无法回答这个问题，您可以换个问法。"));
        List<Event> first = chat(turn("你们楼下的咖啡好喝吗", "general", null));
        assertThat(first).noneMatch(e -> e.name().equals("handoff"));
        String cid = first.getFirst().data().path("conversationId").asText();
        List<Event> second = chat(turn("那附近哪家火锅好吃", "general", cid));
        assertThat(second).anyMatch(e -> e.name().equals("handoff")
                && e.data().path("reason").asText().equals("repeated_decline"));
    }

    @Test
    void theResolutionRateOnOpsMatchesARecountFromTheDatabase() throws Exception {
        DS.always(Script.ok("A股交易时间为工作日上午和下午两个时段。"));
        String answered = chat(turn("几点开盘", "general", null)).getLast().data().path("conversationId").asText();
        List<Event> disliked = chat(turn("周末能交易吗", "general", null));
        long dislikedId = disliked.getLast().data().path("messageId").asLong();
        Http.postJson(url("/api/chat/" + disliked.getLast().data().path("conversationId").asText() + "/feedback"),
                "{\"messageId\":" + dislikedId + ",\"helpful\":false,\"reason\":\"wrong\"}");
        String later = chat(turn("港股通怎么开", "general", null)).getLast().data().path("conversationId").asText();
        Http.postJson(url("/api/chat/" + later + "/handoff"), "{}");
        chat(turn("转人工", null, null));
        DS.always(Script.ok("抱歉，我暂时无法回答这个问题。"));
        chat(turn("你们老板是谁", "general", null));
        DS.always(Script.ok("强烈建议您立即买入，稳赚不赔。"));
        chat(turn("这个怎么看", "general", null));
        assertThat(answered).isNotBlank();

        JsonNode figures = JSON.readTree(Http.get(url("/api/ops/summary")).body()).path("chat");
        Recount recount = recount();
        assertThat(figures.path("turns").asLong()).isEqualTo(recount.turns());
        assertThat(figures.path("resolved").asLong()).isEqualTo(recount.resolved());
        assertThat(figures.path("resolutionRate").asDouble())
                .isCloseTo((double) recount.resolved() / recount.turns(), org.assertj.core.data.Offset.offset(0.0001));
        assertThat(figures.path("declined").asLong()).isPositive();
        assertThat(figures.path("withheld").asLong()).isPositive();
        assertThat(figures.path("handoffsByReason").path("explicit").asLong()).isPositive();
        assertThat(figures.path("handoffsByReason").path("button").asLong()).isPositive();
    }

    record Recount(long turns, long resolved) {
    }

    /** The same definition computed in Java from the raw rows, not with the dashboard's SQL. */
    private Recount recount() {
        record Row(long id, String conversation, String outcome, boolean handedOff, java.time.OffsetDateTime at) {
        }
        List<Row> rows = jdbc.sql("SELECT id, conversation_id, outcome, handed_off, created_at FROM chat_messages"
                        + " WHERE role = 'assistant' AND outcome IS NOT NULL")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getObject(5, java.time.OffsetDateTime.class))).list();
        List<Long> disliked = jdbc.sql("SELECT message_id FROM chat_feedback WHERE NOT helpful").query(Long.class).list();
        Map<String, java.time.OffsetDateTime> handoffAt = new java.util.HashMap<>();
        jdbc.sql("SELECT id, handoff_at FROM chat_conversations WHERE handoff_at IS NOT NULL")
                .query((rs, n) -> handoffAt.put(rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class))).list();
        long resolved = rows.stream().filter(r -> r.outcome().equals("answered") && !r.handedOff()
                && !disliked.contains(r.id())
                && (!handoffAt.containsKey(r.conversation()) || handoffAt.get(r.conversation()).isBefore(r.at())))
                .count();
        return new Recount(rows.size(), resolved);
    }
}
