package org.finassist.server.evalanswers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.rag.KnowledgeIndex;
import org.finassist.rag.demo.DemoKnowledgeBase;
import org.finassist.server.support.FakeUpstreams;
import org.finassist.server.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin/eval-answers} on the embedded default (local model, demo knowledge base): an uploaded set runs through
 * the real chat pipeline in the background and reports its figures and every miss; shipped sets are listed and run by
 * name; bad sets are refused with problem details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvalAnswersApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path sets;

    @LocalServerPort
    int port;

    @Autowired
    EvalRuns runs;

    @Autowired
    KnowledgeIndex index;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) throws Exception {
        FakeUpstreams.register(r);
        sets = Files.createTempDirectory("eval-answers-sets");
        Files.writeString(sets.resolve("tiny.jsonl"), """
                {"id": "t1", "question": "转人工", "expect": "handoff"}
                {"id": "t2", "question": "印花税怎么收", "expect": "answer", "facts": [["千分之零点五", "0.05%"]]}
                """);
        Files.writeString(sets.resolve("notes.txt"), "not a set");
        r.add("finassist.eval-answers.sets-dir", sets::toString);
        // the test profile leaves the demo knowledge base out; the questions below ask it
        r.add("finassist.rag.demo", () -> "true");
    }

    @BeforeEach
    void demoKnowledgeBaseLoaded() throws Exception {
        // the demo knowledge base loads in the background on start; the run below asks it
        var loaded = java.util.concurrent.CompletableFuture.runAsync(() -> {
            while (index.documents(DemoKnowledgeBase.KB_ID).size() < DemoKnowledgeBase.files().size()) {
                Thread.onSpinWait();
            }
        });
        loaded.get(3, TimeUnit.MINUTES);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void anUploadedSetRunsThroughTheChatAndReportsItsMisses() throws Exception {
        String set = String.join("\n",
                JSON.writeValueAsString(Map.of("id", "u1", "question", "开户需要什么条件", "expect", "answer",
                        "scenario", "account-opening", "facts", new String[][] {{"18周岁"}})),
                JSON.writeValueAsString(Map.of("id", "u2", "question", "我要投诉，给我转人工", "expect", "handoff")),
                // a deliberately wrong expectation: it must be reported as a miss with the fact it lacks
                JSON.writeValueAsString(Map.of("id", "u3", "question", "印花税怎么收", "expect", "answer",
                        "facts", new String[][] {{"这句话不会出现在答案里"}})));
        HttpResponse<String> started = Http.postJson(url("/admin/eval-answers/runs"),
                JSON.writeValueAsString(Map.of("name", "mine.jsonl", "content", set)));
        assertThat(started.statusCode()).isEqualTo(202);
        String id = JSON.readTree(started.body()).path("id").asText();
        assertThat(JSON.readTree(started.body()).path("total").asInt()).isEqualTo(3);

        runs.find(id).orElseThrow().completion().get(5, TimeUnit.MINUTES);

        JsonNode run = JSON.readTree(Http.get(url("/admin/eval-answers/runs/" + id)).body());
        assertThat(run.path("state").asText()).isEqualTo("done");
        assertThat(run.path("done").asInt()).isEqualTo(3);
        assertThat(run.path("useful").asInt()).isEqualTo(2);
        assertThat(run.path("harmful").asInt()).isZero();
        assertThat(run.path("scenarioAccuracy").asDouble()).isEqualTo(1.0);
        assertThat(run.path("handoff").path("recall").asDouble()).isEqualTo(1.0);
        assertThat(run.path("misses")).singleElement().satisfies(m -> {
            assertThat(m.path("id").asText()).isEqualTo("u3");
            assertThat(m.path("problems").toString()).contains("这句话不会出现在答案里");
            assertThat(m.path("answer").asText()).contains("印花税");
        });
        JsonNode list = JSON.readTree(Http.get(url("/admin/eval-answers/runs")).body());
        assertThat(list.findValuesAsText("id")).contains(id);
        assertThat(list.get(0).has("misses") && !list.get(0).path("misses").isNull()).isFalse();
    }

    @Test
    void shippedSetsAreListedAndRunByName() throws Exception {
        JsonNode listed = JSON.readTree(Http.get(url("/admin/eval-answers/sets")).body());
        assertThat(listed).singleElement().satisfies(s -> {
            assertThat(s.path("name").asText()).isEqualTo("tiny.jsonl");
            assertThat(s.path("questions").asInt()).isEqualTo(2);
        });
        HttpResponse<String> started = Http.postJson(url("/admin/eval-answers/runs"), "{\"set\":\"tiny.jsonl\"}");
        assertThat(started.statusCode()).isEqualTo(202);
        String id = JSON.readTree(started.body()).path("id").asText();
        runs.find(id).orElseThrow().completion().get(5, TimeUnit.MINUTES);
        JsonNode run = JSON.readTree(Http.get(url("/admin/eval-answers/runs/" + id)).body());
        // both are answered without a model (a hand-off, a curated FAQ answer): the fake upstreams do not matter
        assertThat(run.path("misses")).as(run.toString()).isEmpty();
        assertThat(run.path("useful").asInt()).isEqualTo(2);
    }

    @Test
    void badSetsAreRefusedWithProblemDetails() throws Exception {
        HttpResponse<String> traversal = Http.postJson(url("/admin/eval-answers/runs"), "{\"set\":\"../../etc/passwd\"}");
        assertThat(traversal.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(traversal.body()).path("code").asText()).isEqualTo("no_such_set");
        HttpResponse<String> notASet = Http.postJson(url("/admin/eval-answers/runs"), "{\"set\":\"notes.txt\"}");
        assertThat(notASet.statusCode()).isEqualTo(404);
        HttpResponse<String> broken = Http.postJson(url("/admin/eval-answers/runs"),
                JSON.writeValueAsString(Map.of("name", "x.jsonl", "content", "{not json")));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(broken.body()).path("code").asText()).isEqualTo("bad_question_set");
        HttpResponse<String> empty = Http.postJson(url("/admin/eval-answers/runs"), "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(Http.get(url("/admin/eval-answers/runs/nope")).statusCode()).isEqualTo(404);
    }
}
