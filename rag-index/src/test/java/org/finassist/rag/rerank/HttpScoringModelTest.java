package org.finassist.rag.rerank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.segment.TextSegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpScoringModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<TextSegment> PASSAGES = List.of(
            TextSegment.from("融资融券的维持担保比例不得低于130%。"),
            TextSegment.from("股票交易实行T+1交收。"),
            TextSegment.from("开户需要本人有效身份证件。"));

    private FakeRerankServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeRerankServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpScoringModel.Builder model(String path) {
        return HttpScoringModel.builder().url(server.url(path)).masker(s -> s.replaceAll("\\d{17}[\\dXx]", "[身份证号]"));
    }

    @Test
    void cohereStyleAnswersOutOfOrderAreMappedBackToThePassages() throws Exception {
        server.script(b -> FakeRerankServer.Reply.ok("""
                {"id":"r1","results":[{"index":2,"relevance_score":0.91,"document":{"text":"x"}},
                {"index":0,"relevance_score":0.15},{"index":1,"relevance_score":0.42}],"meta":{}}"""));

        List<Double> scores = model("/v1/rerank").model("bge-reranker-v2-m3").apiKey("sk-test").build()
                .scoreAll(PASSAGES, "开户要带什么").content();

        assertThat(scores).containsExactly(0.15, 0.42, 0.91);
        JsonNode sent = JSON.readTree(server.requests.getFirst().body());
        assertThat(sent.get("model").asText()).isEqualTo("bge-reranker-v2-m3");
        assertThat(sent.get("query").asText()).isEqualTo("开户要带什么");
        assertThat(sent.get("documents")).hasSize(3);
        assertThat(sent.get("documents").get(1).asText()).isEqualTo("股票交易实行T+1交收。");
        assertThat(sent.get("top_n").asInt()).isEqualTo(3);
        assertThat(server.requests.getFirst().authorization()).isEqualTo("Bearer sk-test");
    }

    @Test
    void teiAnswersABareArray() throws Exception {
        server.script(b -> FakeRerankServer.Reply.ok("[{\"index\":1,\"score\":0.7},{\"index\":0,\"score\":0.2},"
                + "{\"index\":2,\"score\":-3.5}]"));

        List<Double> scores = model("/rerank").api(HttpScoringModel.Api.TEI).build()
                .scoreAll(PASSAGES, "T+1是什么意思").content();

        assertThat(scores).containsExactly(0.2, 0.7, -3.5);
        JsonNode sent = JSON.readTree(server.requests.getFirst().body());
        assertThat(sent.get("texts")).hasSize(3);
        assertThat(sent.has("documents")).isFalse();
        assertThat(server.requests.getFirst().authorization()).isNull();
    }

    @Test
    void personalDataIsMaskedBeforeItLeaves() {
        server.script(b -> FakeRerankServer.Reply.ok("{\"results\":[{\"index\":0,\"relevance_score\":0.5}]}"));

        model("/v1/rerank").build().scoreAll(List.of(PASSAGES.getFirst()), "我的身份证110101199003071234能开户吗");

        String sent = server.requests.getFirst().body();
        assertThat(sent).doesNotContain("110101199003071234").contains("[身份证号]");
    }

    @Test
    void aMissingScoreIsAnErrorNotAZero() {
        server.script(b -> FakeRerankServer.Reply.ok("{\"results\":[{\"index\":0,\"relevance_score\":0.5},"
                + "{\"index\":2,\"relevance_score\":0.1}]}"));

        assertThatThrownBy(() -> model("/v1/rerank").build().scoreAll(PASSAGES, "q"))
                .isInstanceOf(RerankException.class).hasMessageContaining("no score for passage 1");
    }

    @Test
    void anIndexOutOfRangeIsRejected() {
        server.script(b -> FakeRerankServer.Reply.ok("{\"results\":[{\"index\":7,\"relevance_score\":0.5}]}"));

        assertThatThrownBy(() -> model("/v1/rerank").build().scoreAll(PASSAGES, "q"))
                .isInstanceOf(RerankException.class).hasMessageContaining("index 7");
    }

    @Test
    void httpErrorsNameTheStatusAndTheEndpoint() {
        server.script(b -> new FakeRerankServer.Reply(503, "{\"error\":\"model is loading\"}", 0));

        assertThatThrownBy(() -> model("/v1/rerank").build().scoreAll(PASSAGES, "q"))
                .isInstanceOf(RerankException.class)
                .hasMessageContaining("HTTP 503").hasMessageContaining("model is loading")
                .hasMessageContaining(server.url("/v1/rerank"));
    }

    @Test
    void malformedJsonIsAClearError() {
        server.script(b -> FakeRerankServer.Reply.ok("<html>gateway</html>"));

        assertThatThrownBy(() -> model("/v1/rerank").build().scoreAll(PASSAGES, "q"))
                .isInstanceOf(RerankException.class).hasMessageContaining("not the expected JSON");
    }

    @Test
    void aSlowRerankerTimesOut() {
        server.script(b -> new FakeRerankServer.Reply(200, "{\"results\":[]}", 3_000));

        assertThatThrownBy(() -> model("/v1/rerank").timeout(Duration.ofMillis(300)).build().scoreAll(PASSAGES, "q"))
                .isInstanceOf(RerankException.class).hasMessageContaining("did not answer within 300 ms");
    }

    @Test
    void anUnreachableRerankerIsAClearError() {
        String url = server.url("/v1/rerank");
        server.close();

        assertThatThrownBy(() -> HttpScoringModel.builder().url(url).masker(s -> s).build().scoreAll(PASSAGES, "q"))
                .isInstanceOf(RerankException.class).hasMessageContaining("cannot reach the reranker")
                .hasMessageNotContaining("null");
    }

    @Test
    void noPassagesMeansNoCall() {
        assertThat(model("/v1/rerank").build().scoreAll(List.of(), "q").content()).isEmpty();
        assertThat(server.requests).isEmpty();
    }

    @Test
    void theApiIsNamedInAnyCaseAndAnUnknownOneIsAConfigurationError() {
        assertThat(HttpScoringModel.Api.of(" TEI ")).isEqualTo(HttpScoringModel.Api.TEI);
        assertThat(HttpScoringModel.Api.of("cohere")).isEqualTo(HttpScoringModel.Api.COHERE);
        assertThatThrownBy(() -> HttpScoringModel.Api.of("jina")).hasMessageContaining("cohere or tei, not 'jina'");
    }

    @Test
    void aMaskerIsRequiredAndTheUrlMustBeHttp() {
        assertThatThrownBy(() -> HttpScoringModel.builder().url(server.url("/rerank")).build())
                .hasMessageContaining("masker");
        assertThatThrownBy(() -> HttpScoringModel.builder().url("file:///etc/passwd").masker(s -> s).build())
                .hasMessageContaining("http(s)");
    }
}
