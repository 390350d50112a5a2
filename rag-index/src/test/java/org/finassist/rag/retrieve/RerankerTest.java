package org.finassist.rag.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.scoring.ScoringModel;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Query;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.finassist.rag.Chunk;
import org.finassist.rag.DocType;
import org.finassist.rag.HashingEmbeddingModel;
import org.finassist.rag.KnowledgeIndex;
import org.finassist.rag.SearchFilter;
import org.finassist.rag.embed.Embedder;
import org.finassist.rag.ingest.SourceFile;
import org.finassist.rag.store.lucene.LuceneKnowledgeStore;
import org.junit.jupiter.api.Test;

class RerankerTest {

    /** Scores a passage by how often {@code word} occurs in it; counts calls and what it was shown. */
    static final class WordCountScorer implements ScoringModel {
        final String word;
        final AtomicInteger calls = new AtomicInteger();
        final List<List<String>> seen = new ArrayList<>();
        volatile RuntimeException failure;

        WordCountScorer(String word) {
            this.word = word;
        }

        @Override
        public Response<List<Double>> scoreAll(List<TextSegment> segments, String query) {
            calls.incrementAndGet();
            seen.add(segments.stream().map(TextSegment::text).toList());
            if (failure != null) throw failure;
            return Response.from(segments.stream()
                    .map(s -> (double) (s.text().split(word, -1).length - 1)).toList());
        }
    }

    private static Passage passage(int i, String text, List<String> headings) {
        Chunk c = new Chunk(Chunk.idOf("kb", "d" + i, 0), "kb", "d" + i, "doc " + i, DocType.TEXT, headings, text, 0,
                null, null, null);
        return new Passage(c, 1.0 - i * 0.1, Set.of(Leg.KEYWORD), 5.0 - i, Double.NaN);
    }

    private static List<Passage> fused() {
        return List.of(passage(0, "交易时间是9:30-15:00。", List.of()),
                passage(1, "融资融券需要开立信用账户，融资融券有风险。", List.of("两融")),
                passage(2, "融资买入后可以融券卖出。", List.of()),
                passage(3, "融资融券的利率为6.5%，融资融券按日计息，融资融券按月结息。", List.of()));
    }

    private static List<String> docIds(List<Passage> ps) {
        return ps.stream().map(p -> p.chunk().docId()).toList();
    }

    @Test
    void theBestCandidatesAreReorderedByTheRerankerAndTheRestFollowInFusedOrder() {
        WordCountScorer scorer = new WordCountScorer("融资融券");

        List<Passage> out = new Reranker(scorer, 3).rerank("融资融券利率", fused());

        // d3 has the most mentions but is outside the 3 candidates: it stays last, unscored
        assertThat(docIds(out)).containsExactly("d1", "d0", "d2", "d3");
        assertThat(out.get(0).rerankScore()).isEqualTo(2.0);
        assertThat(out.get(1).rerankScore()).isEqualTo(0.0);
        assertThat(out.get(3).reranked()).isFalse();
        assertThat(out.get(0).score()).as("the fused score is kept for the evidence view").isEqualTo(0.9);
        assertThat(out.get(0).legs()).containsExactly(Leg.KEYWORD);
        assertThat(scorer.seen.getFirst()).as("heading path goes with the passage")
                .containsExactly("交易时间是9:30-15:00。", "两融\n融资融券需要开立信用账户，融资融券有风险。", "融资买入后可以融券卖出。");
    }

    @Test
    void aFailingRerankerLeavesTheFusedOrder() {
        WordCountScorer scorer = new WordCountScorer("融资融券");
        scorer.failure = new IllegalStateException("connection refused");
        Reranker reranker = new Reranker(scorer, 10);

        List<Passage> out = reranker.rerank("融资融券利率", fused());

        assertThat(out).isEqualTo(fused());
        assertThat(reranker.fallbacks()).isEqualTo(1);
    }

    @Test
    void aWrongNumberOfScoresIsAFailureNotAPartialOrder() {
        ScoringModel broken = (segments, q) -> Response.from(List.of(1.0));
        Reranker reranker = new Reranker(broken, 10);

        assertThat(reranker.rerank("q", fused())).isEqualTo(fused());
        assertThat(reranker.fallbacks()).isEqualTo(1);
    }

    @Test
    void afterRepeatedFailuresTheRerankerIsNotAskedUntilItsCircuitCloses() {
        WordCountScorer scorer = new WordCountScorer("融资融券");
        scorer.failure = new IllegalStateException("503");
        CircuitBreaker breaker = CircuitBreaker.of("t", CircuitBreakerConfig.custom().slidingWindowSize(4)
                .minimumNumberOfCalls(4).failureRateThreshold(50).waitDurationInOpenState(Duration.ofMinutes(5)).build());
        Reranker reranker = new Reranker(scorer, 10, breaker);

        for (int i = 0; i < 10; i++) assertThat(reranker.rerank("q", fused())).isEqualTo(fused());

        assertThat(scorer.calls.get()).isEqualTo(4);
        assertThat(reranker.fallbacks()).isEqualTo(10);
        assertThat(reranker.calls()).isEqualTo(4);
    }

    @Test
    void aSinglePassageIsNotSentAnywhere() {
        WordCountScorer scorer = new WordCountScorer("x");

        new Reranker(scorer, 10).rerank("q", fused().subList(0, 1));

        assertThat(scorer.calls.get()).isZero();
    }

    @Test
    void searchesThroughTheIndexAreReranked() {
        WordCountScorer scorer = new WordCountScorer("信用账户");
        Embedder embedder = new Embedder(new HashingEmbeddingModel(), "", 16);
        List<SourceFile> files = List.of(
                SourceFile.of("a.md", "# 两融\n\n融资融券交易的利率和费用说明，融资融券按日计息。".getBytes(StandardCharsets.UTF_8)),
                SourceFile.of("b.md", "# 开户\n\n融资融券需要先开立信用账户，信用账户需要满足资产要求。".getBytes(StandardCharsets.UTF_8)));
        RetrievalOptions noFaqNoThreshold = RetrievalOptions.defaults().withFaq(false, 1).withMinVectorSimilarity(-1);
        try (KnowledgeIndex plain = KnowledgeIndex.builder().store(LuceneKnowledgeStore.inMemory()).embedder(embedder)
                .options(noFaqNoThreshold).build();
             KnowledgeIndex reranked = KnowledgeIndex.builder().store(LuceneKnowledgeStore.inMemory()).embedder(embedder)
                .options(noFaqNoThreshold).reranker(new Reranker(scorer, 20)).build()) {
            plain.ingest("kb", files);
            reranked.ingest("kb", files);

            List<Passage> before = plain.search("融资融券的利率", SearchFilter.of("kb")).passages();
            List<Passage> after = reranked.search("融资融券的利率", SearchFilter.of("kb")).passages();

            assertThat(before.getFirst().chunk().docId()).isEqualTo("a.md");
            assertThat(after.getFirst().chunk().docId()).isEqualTo("b.md");
            assertThat(after).allSatisfy(p -> assertThat(p.reranked()).isTrue());
            assertThat(scorer.calls.get()).isEqualTo(1);

            var contents = reranked.retriever(Set.of("kb")).retrieve(Query.from("融资融券的利率"));
            assertThat(contents.getFirst().textSegment().metadata().getString(ContentKeys.DOCUMENT_ID)).isEqualTo("b.md");
            assertThat(contents.getFirst().metadata()).containsKey(ContentMetadata.RERANKED_SCORE);
            assertThat(contents.getFirst().textSegment().metadata().getDouble(ContentKeys.RERANK_SCORE)).isEqualTo(2.0);
        }
    }
}
