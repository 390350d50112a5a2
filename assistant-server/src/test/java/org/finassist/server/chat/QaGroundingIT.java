package org.finassist.server.chat;

import org.finassist.server.support.DemoKnowledgeBaseContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.core.fake.Script;
import org.finassist.server.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finassist.server.support.FakeUpstreams.DS;
import static org.finassist.server.support.FakeUpstreams.SF;

/** The qa scenario end to end: demo knowledge base → ContentRetriever → prompt → router → cited answer. */
class QaGroundingIT extends DemoKnowledgeBaseContext {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    record Turn(List<JsonNode> citations, String text, JsonNode usage, String conversationId, long messageId) {
    }

    private Turn ask(String message) throws Exception {
        return ask(message, null);
    }

    private Turn ask(String message, String conversationId) throws Exception {
        String conversation = conversationId == null ? "" : "\"conversationId\":\"" + conversationId + "\",";
        String body = Http.postJson("http://127.0.0.1:" + port + "/api/chat",
                "{" + conversation + "\"message\":\"" + message + "\",\"scenario\":\"qa\"}").body();
        List<JsonNode> citations = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        JsonNode usage = null;
        String id = null;
        long messageId = 0;
        for (String frame : body.split("\n\n")) {
            String name = frame.lines().filter(l -> l.startsWith("event: ")).findFirst().orElse("").replace("event: ", "");
            JsonNode data = JSON.readTree(frame.lines().filter(l -> l.startsWith("data: ")).findFirst().orElse("data: null").substring(6));
            switch (name) {
                case "citations" -> data.forEach(citations::add);
                case "token" -> text.append(data.path("delta").asText());
                case "usage" -> usage = data;
                case "meta" -> id = data.path("conversationId").asText();
                case "done" -> messageId = data.path("messageId").asLong();
                default -> { }
            }
        }
        return new Turn(citations, text.toString(), usage, id, messageId);
    }

    /** The demo knowledge base is ingested in the background at start; wait until it answers. */
    private Turn askWhenIndexed(String message) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        Turn t = ask(message);
        while (t.citations().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
            t = ask(message);
        }
        return t;
    }

    @Test
    void answersAreGroundedInTheKnowledgeBaseAndCiteIt() throws Exception {
        DS.reset();
        DS.always(Script.ok("根据资料[1]，维持担保比例低于130%时需要追加担保物。"));
        Turn t = askWhenIndexed("维持担保比例跌到警戒线以下会怎样");
        assertThat(t.citations()).as("citations from the demo knowledge base").isNotEmpty();
        JsonNode first = t.citations().getFirst();
        assertThat(first.path("n").asInt()).isEqualTo(1);
        assertThat(first.path("source").asText()).isNotBlank();
        String systemPrompt = DS.bodies().getLast().path("messages").get(0).path("content").asText();
        assertThat(systemPrompt).contains("[1]").contains(first.path("text").asText().substring(0, 10));
        assertThat(t.usage().path("provider").asText()).isEqualTo("ds");

        // feedback on it shows the knowledge-base owner which passages the answer was given
        String base = "http://127.0.0.1:" + port + "/api/chat/";
        assertThat(Http.postJson(base + t.conversationId() + "/feedback", "{\"messageId\":" + t.messageId()
                + ",\"helpful\":false,\"reason\":\"irrelevant\"}").statusCode()).isLessThan(300);
        JsonNode entry = null;
        for (JsonNode n : JSON.readTree(Http.get(base + "feedback?limit=20").body())) {
            if (n.path("messageId").asLong() == t.messageId()) entry = n;
        }
        assertThat(entry).isNotNull();
        assertThat(entry.path("citations").get(0).path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(entry.path("citations").get(0).path("source").asText()).isEqualTo(first.path("source").asText());
    }

    @Test
    void anFaqHitIsAnsweredAsIsWithoutCallingAModel() throws Exception {
        DS.reset();
        DS.always(Script.ok("不应被调用"));
        askWhenIndexed("开户需要什么条件？");
        DS.reset();
        Turn t = ask("开户需要什么条件？");
        assertThat(t.usage().path("provider").asText()).isEqualTo("local");
        assertThat(t.text()).contains("年满18周岁");
        assertThat(DS.requests()).isZero();
    }

    @Test
    void aForecastOrAStockPickIsRefusedBeforeAnyDataOrModel() throws Exception {
        DS.reset();
        DS.always(Script.ok("茅台明天一定会涨到2000元。"));
        Turn forecast = ask("茅台明天能涨到2000吗");
        Turn pick = ask("给我推荐三只必涨的票");
        assertThat(DS.requests()).as("no provider is asked for a forecast").isZero();
        assertThat(forecast.text()).contains("无法为您预测").doesNotContain("2000元");
        assertThat(forecast.citations()).isEmpty();
        assertThat(pick.text()).contains("不能推荐具体股票");
    }

    @Test
    void withEveryProviderDownTheLocalModelAnswersFromTheKnowledgeBase() throws Exception {
        DS.reset();
        SF.reset();
        DS.always(Script.status(503, "overloaded"));
        SF.always(Script.status(502, "bad gateway"));
        Turn t = askWhenIndexed("股票交易时间是几点");
        assertThat(t.usage().path("provider").asText()).isEqualTo("local");
        assertThat(t.citations()).isNotEmpty();
        // one concise answer taken from a cited passage (an FAQ passage reads "问：…答：…"; the answer is its 答 part)
        String opening = t.text().strip().substring(0, 12);
        assertThat(t.text()).doesNotContain("无法回答");
        assertThat(t.citations()).anySatisfy(c -> assertThat(c.path("text").asText()).contains(opening));
        Turn nothing = ask("火星上的天气怎么样");
        assertThat(nothing.citations()).isEmpty();
        assertThat(nothing.text()).contains("转人工");
    }

    @Test
    void aFollowUpIsRewrittenByTheGeneralRouteBeforeRetrieval() throws Exception {
        DS.reset();
        DS.always(Script.ok("根据资料[1]，低于警戒线会收到提示[1]。"));
        Turn first = askWhenIndexed("维持担保比例跌到警戒线以下会怎样");
        DS.reset();
        DS.enqueue(Script.ok("融资利率是多少？"));
        Turn followUp = ask("那利率呢？", first.conversationId());
        assertThat(DS.requests()).as("one call: the rewrite; the rewritten question hits the FAQ").isEqualTo(1);
        String rewritePrompt = DS.bodies().getFirst().path("messages").get(0).path("content").asText();
        assertThat(rewritePrompt).contains("检索改写器", "客户：维持担保比例跌到警戒线以下会怎样");
        assertThat(followUp.text()).contains("6.5%");
        assertThat(followUp.usage().path("provider").asText()).isEqualTo("local");
    }
}
